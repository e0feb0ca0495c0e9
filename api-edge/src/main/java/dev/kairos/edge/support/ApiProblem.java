package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.util.Map;

/** A rejection raised at the edge, optionally with extra members for the problem body. */
public class ApiProblem extends BookingException {
    private final Map<String, Object> extensions;

    public ApiProblem(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ApiProblem(ErrorCode code, String detail, Map<String, Object> extensions) {
        super(code, detail);
        this.extensions = Map.copyOf(extensions);
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
