package dev.scvcdk.lambdas.contactevents;

import dev.scvcdk.contracts.ContactEvents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HandleContactEvents: turns Amazon Connect contact events into telephony calls, as SCV does.
 * <ul>
 *   <li>DISCONNECTED, INBOUND or TRANSFER, no {@code detail.agentInfo} → {@code cancelOmniFlowExecution};</li>
 *   <li>CONTACT_DATA_UPDATED, INBOUND or TRANSFER, first routing step with an agents criteria and status
 *       EXPIRED → {@code rerouteFlowExecution};</li>
 *   <li>anything else, including missing or null parts → ignored.</li>
 * </ul>
 * A failed telephony invocation is thrown, so EventBridge's asynchronous retries apply.
 */
public final class ContactEventsService {
    static final Set<String> HANDLED_INITIATION_METHODS = Set.of("INBOUND", "TRANSFER");

    private final FunctionInvoker invoker;
    private final String telephonyFunction;
    private final StructuredLogger log;

    public ContactEventsService(FunctionInvoker invoker, String telephonyFunction, StructuredLogger log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.telephonyFunction = Objects.requireNonNull(telephonyFunction, "telephonyFunction");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The telephony methodName the event calls for, or empty when it is to be ignored. */
    public static Optional<String> methodFor(JsonNode event) {
        if (!ContactEvents.DETAIL_TYPE.equals(Json.text(event, "detail-type"))) {
            return Optional.empty();
        }
        JsonNode detail = event.path("detail");
        if (Json.nonEmptyText(detail, "contactId") == null
                || !HANDLED_INITIATION_METHODS.contains(Json.text(detail, "initiationMethod"))) {
            return Optional.empty();
        }
        String eventType = Json.text(detail, "eventType");
        if (ContactEvents.DISCONNECTED.equals(eventType)) {
            JsonNode agentInfo = detail.path("agentInfo");
            return agentInfo.isMissingNode() || agentInfo.isNull()
                    ? Optional.of("cancelOmniFlowExecution") : Optional.empty();
        }
        if (ContactEvents.CONTACT_DATA_UPDATED.equals(eventType)) {
            JsonNode step = detail.path("routingCriteria").path("steps").path(0);
            JsonNode agents = Json.at(step, "expression", "attributeCondition", "matchCriteria", "agentsCriteria");
            boolean hasAgentsCriteria = !agents.isMissingNode() && !agents.isNull();
            return hasAgentsCriteria && "EXPIRED".equals(Json.text(step, "status"))
                    ? Optional.of("rerouteFlowExecution") : Optional.empty();
        }
        return Optional.empty();
    }

    /** @return the telephony function's answer, or an empty map when the event was ignored */
    public Map<String, Object> handle(JsonNode event) {
        Optional<String> method = methodFor(event);
        String contactId = Json.nonEmptyText(event, "detail", "contactId");
        if (method.isEmpty()) {
            log.debug("contact event ignored", contactId, Map.of(
                    "eventType", String.valueOf(Json.text(event, "detail", "eventType"))));
            return new LinkedHashMap<>();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", method.get());
        parameters.put("contactId", contactId);
        String payload = Json.write(Map.of("Details", Map.of("Parameters", parameters)));
        log.info("invoking telephony function", contactId, Map.of("methodName", method.get()));
        FunctionInvoker.Invocation result = invoker.invoke(telephonyFunction, payload);
        if (!result.succeeded()) {
            throw new IllegalStateException("telephony function " + method.get() + " failed for contact " + contactId
                    + " (status " + result.statusCode() + ", " + result.functionError() + "): " + result.payload());
        }
        try {
            return Json.toMap(Json.read(result.payload()));
        } catch (IOException e) {
            return new LinkedHashMap<>();
        }
    }
}
