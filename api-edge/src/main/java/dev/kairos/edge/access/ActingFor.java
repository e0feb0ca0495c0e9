package dev.kairos.edge.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler parameter ({@code UUID}) that receives the business the request acts for, as {@link AccessRules} judged
 * it: the caller's own business, or for a platform admin the one named in the {@code X-Business-Id} header.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ActingFor {
}
