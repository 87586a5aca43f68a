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
 * <p>What contact flows read is flattened to dotted string keys ({@link dev.scvcdk.lambdas.restapi.ConnectResults}):
 * SCV's queryRecord and searchRecord, the package's lookup, phoneLookup and queryOne, and each record of the
 * package's query ({@code {"sf_records": [...], "sf_count": "N"}}); every other result is returned as Salesforce
 * sent it (SCV's contact data sync reads arrays from uploadTranscript and fetchUploadIdsStatus). Values from callers are data: they are escaped for the literal or
 * search term they land in, and names (objects, fields, record ids) are validated, never spliced
 * ({@link dev.scvcdk.lambdas.restapi.query}). Authentication is the OAuth 2.0 JWT bearer flow with the
 * token cached in memory and in the access-token parameter
 * ({@link dev.scvcdk.lambdas.restapi.salesforce.SalesforceAuthClient}).
 */
package dev.scvcdk.lambdas.restapi;
