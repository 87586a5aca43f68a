/**
 * InvokeSalesforceRestApiFunction: Salesforce REST calls for Amazon Connect contact flows, SCV's
 * ContactDataSync and RealtimeAlert.
 *
 * <p>Two contracts, chosen by the parameter the event carries:
 * <ul>
 *   <li>{@code methodName} — SCV's own ({@link dev.scvcdk.lambdas.restapi.scv.ScvRestMethods}):
 *       createRecord, updateRecord, queryRecord ({@code {name}} slots), searchRecord
 *       ({@code {name}} slots), uploadTranscript, fetchUploadIdsStatus, realtimeAlertEvent,
 *       fetchOutboundPhoneNumber;</li>
 *   <li>{@code sf_operation} — the Amazon Connect Salesforce Lambda package's
 *       ({@link dev.scvcdk.lambdas.restapi.connectpkg.SfOperations}): lookup, lookup_all, phoneLookup,
 *       create, update, delete, query and queryOne ({@code {{name}}} slots), createChatterPost,
 *       createChatterComment.</li>
 * </ul>
 *
 * <p>Every answer is a flat map of strings ({@link dev.scvcdk.lambdas.restapi.ConnectResults}), the
 * only shape Connect accepts. Values from callers are data: they are escaped for the literal or
 * search term they land in, and names (objects, fields, record ids) are validated, never spliced
 * ({@link dev.scvcdk.lambdas.restapi.query}). Authentication is the OAuth 2.0 JWT bearer flow with the
 * token cached in memory and in the access-token parameter
 * ({@link dev.scvcdk.lambdas.restapi.salesforce.SalesforceAuthClient}).
 */
package dev.scvcdk.lambdas.restapi;
