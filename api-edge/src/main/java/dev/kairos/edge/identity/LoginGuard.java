package dev.kairos.edge.identity;

/** Throttles password guessing; {@link #check} refuses while the account or the address is throttled. */
public interface LoginGuard {
    void check(String email, String ip);

    void failed(String email, String ip);

    void succeeded(String email, String ip);
}
