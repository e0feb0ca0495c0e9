package dev.kairos.edge.ratelimit;

import dev.kairos.edge.identity.LoginGuard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing. Failed logins are counted per account and per client address; once an account
 * (or an address) has failed {@code accountFailures} (or {@code ipFailures}) times, each further failure makes it
 * wait before the next attempt: {@code firstWait}, doubling with every further failure, at most {@code maxWait}.
 * A successful login clears the account's failures (not the address's: one valid account must not reset an
 * attacker's address). Accounts are keyed by a hash of the normalised email, so no address is kept in the clear.
 *
 * <p>The login endpoint calls {@link #check} before verifying the password, then {@link #failed} or
 * {@link #succeeded}.
 */
public final class LoginThrottle implements LoginGuard {
    private final FailureStore failures;
    private final RateLimitProperties.Login settings;
    private final RateLimitClock clock;

    LoginThrottle(FailureStore failures, RateLimitProperties.Login settings, RateLimitClock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws LoginThrottledException when the account or the address must still wait */
    @Override
    public void check(String email, String ip) {
        Instant now = clock.instant();
        Optional<Instant> until = later(failures.throttledUntil(account(email)), failures.throttledUntil(address(ip)));
        if (until.isPresent() && until.get().isAfter(now)) {
            throw new LoginThrottledException(Duration.between(now, until.get()));
        }
    }

    @Override
    public void failed(String email, String ip) {
        Instant now = clock.instant();
        count(account(email), settings.accountFailures(), now);
        count(address(ip), settings.ipFailures(), now);
    }

    @Override
    public void succeeded(String email, String ip) {
        failures.forget(account(email));
    }

    /** How long a key waits after its {@code failures}-th failure, given its threshold. */
    Duration waitAfter(long failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        long doublings = failures - threshold;
        Duration max = settings.maxWait();
        if (doublings >= 62) {
            return max;
        }
        long factor = 1L << doublings;
        Duration wait = settings.firstWait().toMillis() > max.toMillis() / factor ? max : settings.firstWait().multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void count(String key, int threshold, Instant now) {
        long n = failures.countFailure(key, now, settings.forgetAfter());
        Duration wait = waitAfter(n, threshold);
        if (!wait.isZero()) {
            failures.throttleUntil(key, now.plus(wait), settings.forgetAfter());
        }
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    static String account(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static String address(String ip) {
        return "ip:" + ClientAddress.key(ip);
    }
}
