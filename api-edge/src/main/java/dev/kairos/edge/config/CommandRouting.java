package dev.kairos.edge.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.RoutingStrategy;

import java.lang.reflect.RecordComponent;

/**
 * Which node handles a command when commands are distributed (the Axon Server profile). Commands are
 * framework-free records without routing annotations: a command about a staff member's calendar routes by its
 * {@code staffId}, any other by its first component, which names the aggregate or appointment it is about. Routing
 * only decides where a command runs; the event store decides whether it succeeds.
 */
public final class CommandRouting implements RoutingStrategy {

    @Override
    public String getRoutingKey(CommandMessage<?> command) {
        Object payload = command.getPayload();
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null || components.length == 0) {
            return command.getCommandName();
        }
        RecordComponent target = components[0];
        for (RecordComponent component : components) {
            if (component.getName().equals("staffId")) {
                target = component;
                break;
            }
        }
        try {
            Object value = target.getAccessor().invoke(payload);
            return value == null ? command.getCommandName() : value.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + target.getName() + " of " + command.getCommandName(), e);
        }
    }
}
