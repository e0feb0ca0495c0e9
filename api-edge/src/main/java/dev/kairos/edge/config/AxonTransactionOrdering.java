package dev.kairos.edge.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13 orders its JDBC and transaction auto-configuration only against Spring Boot 3 class names. On Boot 4
 * that lets Axon run before the DataSource and its transaction manager exist, and Axon then silently falls back
 * to its no-op transaction manager. This empty configuration sits between the two and restores the order.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration"})
public class AxonTransactionOrdering {
}
