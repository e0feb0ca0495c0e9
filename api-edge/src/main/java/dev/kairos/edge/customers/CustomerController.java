package dev.kairos.edge.customers;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.customers.CustomerQueries;
import dev.kairos.customers.CustomerQueries.CustomerView;
import dev.kairos.edge.support.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class CustomerController {
    private final CustomerQueries customers;

    CustomerController(CustomerQueries customers) {
        this.customers = customers;
    }

    @GetMapping("/api/v1/customers/{customerId}")
    ResponseEntity<CustomerView> get(@PathVariable UUID customerId, @ActingFor UUID businessId) {
        return ResponseEntity.ok(customers.customer(new BusinessId(businessId), new CustomerId(customerId))
                .orElseThrow(() -> new ApiProblem(ErrorCode.CUSTOMER_NOT_FOUND, "customer not found: " + customerId)));
    }
}
