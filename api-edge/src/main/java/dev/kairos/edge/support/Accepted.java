package dev.kairos.edge.support;

import dev.kairos.booking.common.CommandOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.UUID;

/** Responses to commands: the entity's id and revision, its ETag and the consistency token. */
public final class Accepted {
    private Accepted() {
    }

    public record Body(UUID id, long revision) {
    }

    public static ResponseEntity<Body> created(URI location, UUID id, CommandOutcome outcome) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location)
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Body(id, outcome.revision()));
    }

    public static <T> ResponseEntity<T> changed(CommandOutcome outcome, T body) {
        return ResponseEntity.ok()
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(body);
    }
}
