package dev.scvcdk.lambdas.customresource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The answer CloudFormation reads from the pre-signed URL. {@code NoEcho} is always false: no value a function
 * here returns is secret (a private key never goes into {@code Data}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Status", "Reason", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "NoEcho",
        "Data"})
public record CfnResponse(
        @JsonProperty("Status") Status status,
        @JsonProperty("Reason") String reason,
        @JsonProperty("PhysicalResourceId") String physicalResourceId,
        @JsonProperty("StackId") String stackId,
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("LogicalResourceId") String logicalResourceId,
        @JsonProperty("NoEcho") boolean noEcho,
        @JsonProperty("Data") Map<String, String> data) {

    /** CloudFormation's two outcomes. */
    public enum Status { SUCCESS, FAILED }

    /** CloudFormation rejects response bodies over 4 KB; a long reason is cut to keep within it. */
    static final int MAX_REASON_LENGTH = 1500;

    public static CfnResponse success(CfnRequest request, String physicalResourceId, Map<String, String> data) {
        return new CfnResponse(Status.SUCCESS, null, physicalResourceId, request.stackId(), request.requestId(),
                request.logicalResourceId(), false, data == null || data.isEmpty() ? null : Map.copyOf(data));
    }

    public static CfnResponse failed(CfnRequest request, String physicalResourceId, String reason) {
        String cut = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
        return new CfnResponse(Status.FAILED, cut, physicalResourceId, request.stackId(), request.requestId(),
                request.logicalResourceId(), false, null);
    }
}
