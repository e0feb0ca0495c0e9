package dev.kairos.edge.identity;

import java.util.regex.Pattern;

/** A plausible email address: one {@code @}, a dot in the domain, no spaces, at most 320 characters. */
final class Emails {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {
    }

    static boolean valid(String email) {
        return email != null && email.length() <= 320 && SHAPE.matcher(email.trim()).matches();
    }
}
