package dev.kairos.edge.support;

import java.io.IOException;

/** A request body went past the configured limit while being read. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
