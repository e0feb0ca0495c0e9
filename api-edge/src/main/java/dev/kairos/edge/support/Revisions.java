package dev.kairos.edge.support;

import dev.kairos.booking.common.ErrorCode;

/** ETags are entity revisions: {@code "7"}. {@code If-Match} names the revision a change was decided against. */
public final class Revisions {
    private Revisions() {
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision in an {@code If-Match} header, or null when there is none (or it is {@code *}). */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long revision = Long.parseLong(value);
            if (revision >= 0) {
                return revision;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiProblem(ErrorCode.INVALID_PRECONDITION, "If-Match must carry one ETag of this API, e.g. \"3\"");
    }
}
