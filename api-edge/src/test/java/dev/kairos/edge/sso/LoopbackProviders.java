package dev.kairos.edge.sso;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The engine under test may reach identity providers on loopback addresses, where the tests run them
 * ({@code kairos.sso.allow-loopback}); private and link-local networks stay refused.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = "kairos.sso.allow-loopback=true")
public @interface LoopbackProviders {
}
