package dev.kairos.edge.support;

import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command and waits for its outcome; rejections surface as their own exceptions. Every command carries who
 * sent it ({@value #WHO}: {@code user:<id>} or {@code api-key:<id>}) and from which client address ({@value #IP}),
 * which its events inherit as metadata. When a customer sends it themselves (signed in to their own account, or
 * through their booking's manage link) it also names them ({@value #CUSTOMER}): the client address is then their
 * personal data, stored sealed with their key and erased with them.
 */
@Component
public class Commands {
    /** Metadata key: the authenticated caller who sent the command. */
    public static final String WHO = "who";
    /** Metadata key: the address of the client whose request sent the command. */
    public static final String IP = "ip";
    /** Metadata key: the customer who sent the command themselves. */
    public static final String CUSTOMER = "customerId";

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome send(Object command) {
        return gateway.sendAndWait(withOrigin(command, signedInCustomer(), true), 30, TimeUnit.SECONDS);
    }

    /**
     * Sends a command a customer sends themselves without signing in (through a manage link): {@code customer} is who
     * they are. Unknown ({@code null}: not yet in the read model), the client address is not recorded at all.
     */
    public CommandOutcome sendAsCustomer(CustomerId customer, Object command) {
        return gateway.sendAndWait(withOrigin(command, customer, customer != null), 30, TimeUnit.SECONDS);
    }

    /** For commands that answer with more than an outcome (series decisions). */
    public <R> R ask(Object command, Class<R> answer) {
        return answer.cast(gateway.sendAndWait(withOrigin(command, signedInCustomer(), true), 30, TimeUnit.SECONDS));
    }

    private static CustomerId signedInCustomer() {
        return Caller.current().filter(c -> c.has(Role.CUSTOMER)).map(Caller::customer).orElse(null);
    }

    private static Object withOrigin(Object command, CustomerId customer, boolean withAddress) {
        Map<String, String> origin = new HashMap<>();
        Caller.current().ifPresent(caller -> origin.put(WHO, who(caller)));
        if (customer != null) {
            origin.put(CUSTOMER, customer.id().toString());
        }
        if (withAddress && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            origin.put(IP, attributes.getRequest().getRemoteAddr());
        }
        return origin.isEmpty() ? command : GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(origin));
    }

    static String who(Caller caller) {
        return (caller.kind() == Caller.Kind.API_KEY ? "api-key:" : "user:") + caller.subject();
    }
}
