package org.envelopereview.action.azure;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.provider.JsonPaths;
import org.envelopereview.system.Sha256;

/**
 * One Activity Log entry in one form, whichever shape it came in: the portal's and CLI's
 * ({@code operationName.value}, {@code eventDataId}), the Azure SDK's (the same in
 * snake_case), Event Hub and storage records ({@code operationName} as text,
 * {@code resultType}, {@code identity.claims}) and Log Analytics {@code AzureActivity}
 * rows ({@code OperationNameValue}, {@code ActivityStatusValue}, PascalCase).
 *
 * @param view what the catalogue's paths read: {@code resourceId}, {@code request} and
 * {@code response} (the bodies, parsed), {@code properties}
 */
record AzureEntry(String operationName, String status, String subStatus, String eventDataId, String operationId,
		String correlationId, String caller, String time, String subscriptionId, String resourceId, String location,
		String callerIp, String category, ObjectNode view) {

	private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/([^/]+)", Pattern.CASE_INSENSITIVE);

	private static final Map<String, String> CLAIMS = Map.of("upn",
			"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "oid",
			"http://schemas.microsoft.com/identity/claims/objectidentifier");

	/** Whether the node looks like an Activity Log entry of any shape. */
	static boolean looksLike(JsonNode node) {
		return node.isObject() && (node.has("operationName") || node.has("operation_name")
				|| node.has("OperationNameValue") || node.has("OperationName"));
	}

	static AzureEntry of(JsonNode node, JsonMapper json) {
		if (node.has("OperationNameValue") || node.has("TimeGenerated")) {
			return logAnalytics(node, json);
		}
		if (node.path("operationName").isString() && !node.has("eventDataId")) {
			return resourceLog(node, json);
		}
		return activityLog(node, json);
	}

	/** The portal's, CLI's and SDK's shape (camelCase or snake_case). */
	private static AzureEntry activityLog(JsonNode node, JsonMapper json) {
		JsonNode properties = field(node, "properties");
		String resourceId = value(node, "resourceId", "resource_id");
		String caller = value(node, "caller");
		JsonNode claims = field(node, "claims");
		if (caller == null) {
			caller = claim(claims);
		}
		JsonNode http = field(node, "httpRequest", "http_request");
		String ip = value(http, "clientIpAddress", "client_ip_address");
		return new AzureEntry(value(node, "operationName", "operation_name"), value(node, "status"),
				value(node, "subStatus", "sub_status"), value(node, "eventDataId", "event_data_id"),
				value(node, "operationId", "operation_id"), value(node, "correlationId", "correlation_id"), caller,
				value(node, "eventTimestamp", "event_timestamp"),
				subscription(value(node, "subscriptionId", "subscription_id"), resourceId), resourceId,
				value(node, "location"), (ip != null) ? ip : JsonPaths.text(claims, "ipaddr"), value(node, "category"),
				view(json, resourceId, properties));
	}

	/** Event Hub and storage records: the resource-log schema. */
	private static AzureEntry resourceLog(JsonNode node, JsonMapper json) {
		JsonNode properties = node.path("properties");
		String resourceId = JsonPaths.text(node, "resourceId");
		JsonNode identity = node.path("identity");
		String caller = claim(identity.path("claims"));
		return new AzureEntry(JsonPaths.text(node, "operationName"), JsonPaths.text(node, "resultType"),
				JsonPaths.text(node, "resultSignature"), null, null, JsonPaths.text(node, "correlationId"), caller,
				JsonPaths.text(node, "time"), subscription(null, resourceId), resourceId,
				JsonPaths.text(node, "location"), JsonPaths.text(node, "callerIpAddress"),
				JsonPaths.text(node, "category"), view(json, resourceId, properties));
	}

	/**
	 * Log Analytics {@code AzureActivity} rows: dynamic columns as objects or as text.
	 */
	private static AzureEntry logAnalytics(JsonNode node, JsonMapper json) {
		JsonNode properties = parsed(json,
				node.has("Properties_d") ? node.path("Properties_d") : node.path("Properties"));
		String resourceId = JsonPaths.text(properties, "entity");
		if (resourceId == null) {
			resourceId = (JsonPaths.text(node, "_ResourceId") != null) ? JsonPaths.text(node, "_ResourceId")
					: JsonPaths.text(node, "ResourceId");
		}
		String caller = JsonPaths.text(node, "Caller");
		if (caller == null) {
			caller = claim(parsed(json, node.has("Claims_d") ? node.path("Claims_d") : node.path("Claims")));
		}
		String operation = (JsonPaths.text(node, "OperationNameValue") != null)
				? JsonPaths.text(node, "OperationNameValue") : JsonPaths.text(node, "OperationName");
		String status = (JsonPaths.text(node, "ActivityStatusValue") != null)
				? JsonPaths.text(node, "ActivityStatusValue") : JsonPaths.text(node, "ActivityStatus");
		String category = (JsonPaths.text(node, "CategoryValue") != null) ? JsonPaths.text(node, "CategoryValue")
				: JsonPaths.text(node, "Category");
		return new AzureEntry(operation, status, JsonPaths.text(node, "ActivitySubstatusValue"),
				JsonPaths.text(node, "EventDataId"), JsonPaths.text(node, "OperationId"),
				JsonPaths.text(node, "CorrelationId"), caller, JsonPaths.text(node, "TimeGenerated"),
				subscription(JsonPaths.text(node, "SubscriptionId"), resourceId), resourceId, null,
				JsonPaths.text(node, "CallerIpAddress"), category, view(json, resourceId, properties));
	}

	/**
	 * Whether the entry records a change at all: Administrative entries (the resource-log
	 * schema calls them Write, Delete and Action), or entries that name no category.
	 */
	boolean administrative() {
		if (this.category == null) {
			return true;
		}
		return switch (this.category.toLowerCase(Locale.ROOT)) {
			case "administrative", "write", "delete", "action" -> true;
			default -> false;
		};
	}

	/**
	 * The id of the change: the operation's id, else (Event Hub and storage records carry
	 * none) its correlation id with a digest of the operation and resource, else the
	 * entry's id.
	 */
	String changeId() {
		if (this.operationId != null) {
			return this.operationId;
		}
		if (this.correlationId != null) {
			String digest = Sha256.hex((this.operationName + "\n" + this.resourceId).toLowerCase(Locale.ROOT));
			return this.correlationId + "/" + digest.substring(0, 12);
		}
		return this.eventDataId;
	}

	/** The region: where the entry says, else where the request or response body says. */
	String region() {
		String region = (this.location != null) ? this.location : JsonPaths.text(this.view.path("request"), "location");
		if (region == null) {
			region = JsonPaths.text(this.view.path("response"), "location");
		}
		return (region != null && !region.isBlank()) ? region.toLowerCase(Locale.ROOT).replace(" ", "") : null;
	}

	private static ObjectNode view(JsonMapper json, String resourceId, JsonNode properties) {
		ObjectNode view = json.createObjectNode();
		view.put("resourceId", resourceId);
		JsonNode request = parsed(json, field(properties, "requestbody", "requestBody", "request_body"));
		JsonNode response = parsed(json, field(properties, "responseBody", "responsebody", "response_body"));
		for (Map.Entry<String, JsonNode> part : Map
			.of("properties", properties, "request", request, "response", response)
			.entrySet()) {
			if (!part.getValue().isMissingNode()) {
				view.set(part.getKey(), part.getValue());
			}
		}
		return view;
	}

	/** A body given as JSON text, parsed; an object as it is; anything else missing. */
	private static JsonNode parsed(JsonMapper json, JsonNode node) {
		if (node.isObject()) {
			return node;
		}
		if (node.isString() && !node.stringValue().isBlank()) {
			try {
				JsonNode parsed = json.readTree(node.stringValue());
				return parsed.isObject() ? parsed : MissingNode.getInstance();
			}
			catch (JacksonException ex) {
				return MissingNode.getInstance();
			}
		}
		return MissingNode.getInstance();
	}

	/**
	 * The subscription, in lower case: a GUID, which the Event Hub and storage records
	 * write in capitals within their resource ids.
	 */
	private static String subscription(String given, String resourceId) {
		if (given != null) {
			return given.toLowerCase(Locale.ROOT);
		}
		Matcher matcher = (resourceId != null) ? SUBSCRIPTION.matcher(resourceId) : null;
		return (matcher != null && matcher.find()) ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
	}

	/** The caller a token's claims name: its UPN, else its object id. */
	private static String claim(JsonNode claims) {
		String upn = JsonPaths.text(claims, CLAIMS.get("upn"));
		if (upn == null) {
			upn = JsonPaths.text(claims, "upn");
		}
		if (upn != null) {
			return upn;
		}
		String oid = JsonPaths.text(claims, CLAIMS.get("oid"));
		return (oid != null) ? oid : JsonPaths.text(claims, "oid");
	}

	private static JsonNode field(JsonNode node, String... names) {
		for (String name : names) {
			if (node.has(name)) {
				return node.path(name);
			}
		}
		return MissingNode.getInstance();
	}

	/** A field's text, or the {@code value} of a {@code {value, localizedValue}} pair. */
	private static String value(JsonNode node, String... names) {
		JsonNode field = field(node, names);
		if (field.isObject()) {
			field = field.path("value");
		}
		if (field.isMissingNode() || field.isNull() || field.isContainer()) {
			return null;
		}
		String text = field.asString();
		return text.isEmpty() ? null : text;
	}

}
