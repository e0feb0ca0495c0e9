package dev.kairos.edge.replay;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Platform admins watch the processing groups and rebuild a projection from the event store. */
@RestController
class ProjectionController {
    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/api/v1/platform/projections")
    ResponseEntity<List<ProjectionStatus>> all() {
        return ResponseEntity.ok(projections.all());
    }

    @GetMapping("/api/v1/platform/projections/{group}")
    ResponseEntity<ProjectionStatus> one(@PathVariable String group) {
        return ResponseEntity.ok(projections.status(group));
    }

    /** Accepted: the replay runs on; its progress is read from the Location. */
    @PostMapping("/api/v1/platform/projections/{group}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String group) {
        ProjectionStatus status = projections.rebuild(group);
        return ResponseEntity.accepted().location(URI.create("/api/v1/platform/projections/" + group)).body(status);
    }
}
