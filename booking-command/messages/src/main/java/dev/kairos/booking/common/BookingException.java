package dev.kairos.booking.common;

import java.util.function.Supplier;

/** A business rejection with a stable code; never a programming error. */
public class BookingException extends RuntimeException {
    private final ErrorCode errorCode;

    public BookingException(ErrorCode errorCode, String detail) {
        super(detail, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static void require(boolean condition, ErrorCode code, String detail) {
        if (!condition) {
            throw new BookingException(code, detail);
        }
    }

    /** As {@link #require(boolean, ErrorCode, String)}, building the detail only when the condition fails. */
    public static void require(boolean condition, ErrorCode code, Supplier<String> detail) {
        if (!condition) {
            throw new BookingException(code, detail.get());
        }
    }
}
