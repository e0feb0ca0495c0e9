package dev.kairos.edge.holidays;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.HolidayView;
import dev.kairos.booking.catalog.AddHoliday;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.ImportHolidays;
import dev.kairos.booking.catalog.RemoveHoliday;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The business's holiday calendar: whole dates of its home zone on which no staff member can be booked. Holidays
 * are added one by one or imported from an iCalendar file, sent as {@code text/calendar} or named by URL.
 */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/holidays")
class HolidayController {
    static final String TEXT_CALENDAR = "text/calendar";
    private final Commands commands;
    private final ScheduleQueries queries;
    private final CommandLookups lookups;
    private final CalendarFetcher fetcher;
    private final Reads reads;
    private final IdGenerator ids;
    private final Clock clock;

    HolidayController(Commands commands, ScheduleQueries queries, CommandLookups lookups, CalendarFetcher fetcher,
                      Reads reads, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.lookups = lookups;
        this.fetcher = fetcher;
        this.reads = reads;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code to} (inclusive) defaults to {@code from}: a one-day holiday. */
    record HolidayRequest(String name, LocalDate from, LocalDate to) {
        Holiday holiday(UUID id) {
            BookingException.require(from != null, ErrorCode.VALIDATION_FAILED, "'from' (the first date) is required");
            return new Holiday(new HolidayId(id), name, from, to == null ? from : to);
        }
    }

    record ImportRequest(String url) {
    }

    record ImportedHoliday(UUID id, String name, LocalDate from, LocalDate to) {
    }

    /** What the calendar held; the business now has each of these (ones it already had are unchanged). */
    record ImportResult(int count, List<ImportedHoliday> holidays) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted.Body> add(@PathVariable UUID businessId, @RequestBody HolidayRequest request,
                                      @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID id = ids.forKey(businessId + "|holiday", key);
        CommandOutcome outcome = commands.send(new AddHoliday(new BusinessId(businessId), request.holiday(id)));
        return Accepted.created(URI.create("/api/v1/businesses/" + businessId + "/holidays/" + id), id, outcome);
    }

    /** Every holiday of the business, past ones included, by first date. */
    @GetMapping
    ResponseEntity<List<HolidayView>> list(@PathVariable UUID businessId,
                                           @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> {
            requireBusiness(businessId);
            return queries.holidays(new BusinessId(businessId));
        });
    }

    @GetMapping("/{holidayId}")
    ResponseEntity<HolidayView> get(@PathVariable UUID businessId, @PathVariable UUID holidayId,
                                    @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.holidays(new BusinessId(businessId)).stream()
                .filter(h -> h.id().equals(holidayId)).findFirst()
                .orElseThrow(() -> new BookingException(ErrorCode.HOLIDAY_NOT_FOUND, "holiday not found: " + holidayId)));
    }

    @DeleteMapping("/{holidayId}")
    ResponseEntity<Accepted.Body> remove(@PathVariable UUID businessId, @PathVariable UUID holidayId) {
        CommandOutcome outcome = commands.send(new RemoveHoliday(new BusinessId(businessId), new HolidayId(holidayId)));
        return Accepted.changed(outcome, new Accepted.Body(holidayId, outcome.revision()));
    }

    /** An iCalendar file in the body (UTF-8 unless the content type names another charset). */
    @PostMapping(path = "/import", consumes = TEXT_CALENDAR)
    ResponseEntity<ImportResult> importFile(@PathVariable UUID businessId, @RequestBody(required = false) byte[] body,
                                            @RequestHeader(name = "Content-Type") String contentType) {
        if (body == null || body.length == 0) {
            throw new BookingException(ErrorCode.INVALID_CALENDAR, "the request body holds no calendar");
        }
        return importCalendar(businessId, new String(body, charsetOf(contentType)));
    }

    /** The iCalendar file at a URL, fetched by the engine. */
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResult> importUrl(@PathVariable UUID businessId, @RequestBody ImportRequest request) {
        BookingException.require(request.url() != null && !request.url().isBlank(), ErrorCode.VALIDATION_FAILED,
                "'url' names the calendar to import");
        BookingException.require(request.url().length() <= 2048, ErrorCode.VALIDATION_FAILED, "'url' has at most 2048 characters");
        ZoneId zone = businessZone(businessId);
        return importCalendar(businessId, zone, fetcher.fetch(request.url().strip()));
    }

    private ResponseEntity<ImportResult> importCalendar(UUID businessId, String ics) {
        return importCalendar(businessId, businessZone(businessId), ics);
    }

    private ResponseEntity<ImportResult> importCalendar(UUID businessId, ZoneId zone, String ics) {
        BusinessId business = new BusinessId(businessId);
        List<Holiday> holidays = IcsHolidays.parse(ics, business, zone, clock.instant());
        CommandOutcome outcome = commands.send(new ImportHolidays(business, holidays));
        List<ImportedHoliday> imported = holidays.stream()
                .map(h -> new ImportedHoliday(h.id().id(), h.name(), h.from(), h.to())).toList();
        return Accepted.changed(outcome, new ImportResult(imported.size(), imported));
    }

    /** The zone the calendar's dates are read in: the business's, as the command side knows it. */
    private ZoneId businessZone(UUID businessId) {
        return lookups.businessZone(new BusinessId(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + businessId));
    }

    private void requireBusiness(UUID businessId) {
        BookingException.require(queries.business(new BusinessId(businessId)).isPresent(), ErrorCode.BUSINESS_NOT_FOUND,
                () -> "business not found: " + businessId);
    }

    private static Charset charsetOf(String contentType) {
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            throw new BookingException(ErrorCode.INVALID_VALUE, "the Content-Type's charset is not known");
        }
    }
}
