package dev.kairos.edge.support;

import dev.kairos.booking.common.CommandOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Sends a command and waits for its outcome; rejections surface as their own exceptions. */
@Component
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome send(Object command) {
        return gateway.sendAndWait(command, 30, TimeUnit.SECONDS);
    }

    /** For commands that answer with more than an outcome (series decisions). */
    public <R> R ask(Object command, Class<R> answer) {
        return answer.cast(gateway.sendAndWait(command, 30, TimeUnit.SECONDS));
    }
}
