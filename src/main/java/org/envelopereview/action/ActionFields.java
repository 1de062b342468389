package org.envelopereview.action;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.envelopereview.system.CidrSyntax;

/**
 * The edge validation of an action's fields, shared by every input format. Each check
 * adds a message naming the field to {@code problems} rather than stopping at the first.
 */
public final class ActionFields {

	/**
	 * The database's column widths, so that a long value is quarantined, not truncated.
	 */
	static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("id", 200), Map.entry("agent", 256),
			Map.entry("modelVersion", 128), Map.entry("envelope", 128), Map.entry("type", 64),
			Map.entry("resource", 512), Map.entry("region", 64), Map.entry("protocol", 16), Map.entry("ports", 64),
			Map.entry("cidr", 64), Map.entry("rationale.signal", 1024), Map.entry("rationale.text", 4000),
			Map.entry("approval.ref", 256), Map.entry("approval.approver", 256), Map.entry("changeRef", 256),
			Map.entry("reverts", 200), Map.entry("errorCode", 256), Map.entry("principal", 512),
			Map.entry("account", 64), Map.entry("providerEventId", 200));

	/**
	 * Widths of the columns that keep a provider's evidence (not judged, so cut, never
	 * refused).
	 */
	private static final int USER_AGENT_WIDTH = 1024;

	private static final int SOURCE_IP_WIDTH = 64;

	private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private ActionFields() {
	}

	/**
	 * A text value fits its column and holds no character that could hide or disguise
	 * text where it is shown (the PDF, a terminal, a spreadsheet): no control character
	 * but tab, line feed and carriage return, and no bidirectional embedding, override or
	 * isolate. PostgreSQL cannot store NUL at all.
	 */
	public static void checkText(String field, String value, List<String> problems) {
		if (value == null) {
			return;
		}
		Integer max = MAX_LENGTH.get(field);
		if (max != null && value.length() > max) {
			problems.add(field + " is longer than " + max + " characters (" + value.length() + ")");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (isForbidden(c)) {
				problems.add(String.format("%s holds the %s character U+%04X at position %d", field,
						(c >= 0x2000) ? "bidirectional control" : "control", (int) c, i + 1));
				return;
			}
		}
	}

	/** The client a provider saw, cut to its column's width. */
	public static String userAgent(String value) {
		return evidence(value, USER_AGENT_WIDTH);
	}

	/** The address a provider saw the call from, cut to its column's width. */
	public static String sourceIp(String value) {
		return evidence(value, SOURCE_IP_WIDTH);
	}

	/**
	 * Provider evidence that is shown but never judged: control characters become '?' and
	 * an overlong value is cut, so that it never costs the action it describes.
	 */
	private static String evidence(String value, int width) {
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), width));
		for (int i = 0; i < value.length() && clean.length() < width; i++) {
			char c = value.charAt(i);
			clean.append(isForbidden(c) ? '?' : c);
		}
		return clean.toString();
	}

	private static boolean isForbidden(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	public static void require(String field, String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			problems.add("missing " + field);
		}
	}

	/**
	 * An ISO-8601 instant with an offset or Z, in UTC; kept to microseconds, the
	 * databases' precision, so that a stored row hashes as it was ingested.
	 */
	public static Instant timestamp(String field, String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return IsoTimestamp.parse(value.trim()).truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			problems.add("bad timestamp in " + field + ": '" + abbreviate(value)
					+ "' is not ISO-8601 with an offset or Z (e.g. 2026-07-03T03:47:00Z)");
			return null;
		}
	}

	public static void checkType(String type, List<String> problems) {
		if (type != null && !type.isBlank() && !ActionTypes.isKnown(type)) {
			problems.add("unknown type '" + abbreviate(type) + "' (not a canonical action type)");
		}
	}

	public static void checkCidr(String cidr, List<String> problems) {
		if (cidr == null) {
			return;
		}
		IPAddress address;
		try {
			address = new IPAddressString(cidr.trim(), CidrSyntax.STRICT).toAddress();
		}
		catch (AddressStringException | RuntimeException ex) {
			address = null;
		}
		if (address == null) {
			problems.add("bad CIDR in cidr: '" + abbreviate(cidr) + "' is not an IPv4 or IPv6 prefix");
		}
		else if (address.isPrefixed() && !address.isPrefixBlock()) {
			problems.add("bad CIDR in cidr: '" + abbreviate(cidr) + "' has host bits set; did you mean "
					+ address.toPrefixBlock().toCanonicalString() + "?");
		}
	}

	/**
	 * A CIDR as a provider recorded it, normalised: a prefix with host bits set
	 * ({@code 208.236.235.254/0}) becomes its prefix block ({@code 0.0.0.0/0}), because
	 * the provider's record is what happened (SPEC §7). Anything else is returned as
	 * given (and judged by {@link #checkCidr}).
	 */
	public static String providerCidr(String cidr) {
		if (cidr == null) {
			return null;
		}
		try {
			IPAddress address = new IPAddressString(cidr.trim(), CidrSyntax.STRICT).toAddress();
			if (address != null && address.isPrefixed() && !address.isPrefixBlock()) {
				return address.toPrefixBlock().toCanonicalString();
			}
		}
		catch (AddressStringException | RuntimeException ex) {
			// not an address: checkCidr names the problem
		}
		return cidr;
	}

	public static void checkPorts(String ports, List<String> problems) {
		if (ports == null) {
			return;
		}
		Matcher matcher = PORTS.matcher(ports.trim());
		if (!matcher.matches()) {
			problems.add("bad ports: '" + abbreviate(ports) + "' is not a port (N) or a range (A-B)");
			return;
		}
		int from = Integer.parseInt(matcher.group(1));
		int to = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : from;
		if (from > 65535 || to > 65535 || from > to) {
			problems.add("bad ports: '" + ports + "' is outside 0..65535 or the range is reversed");
		}
	}

	public static Double confidence(String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double confidence = Double.parseDouble(value.trim());
			if (!(confidence >= 0 && confidence <= 1)) {
				problems.add("rationale.confidence " + value + " is outside 0..1");
				return null;
			}
			return confidence;
		}
		catch (NumberFormatException ex) {
			problems.add("rationale.confidence '" + abbreviate(value) + "' is not a number");
			return null;
		}
	}

	public static Action.Outcome outcome(String value, List<String> problems) {
		if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("succeeded")) {
			return Action.Outcome.SUCCEEDED;
		}
		if (value.trim().equalsIgnoreCase("failed")) {
			return Action.Outcome.FAILED;
		}
		problems.add("outcome '" + abbreviate(value) + "' is neither succeeded nor failed");
		return Action.Outcome.SUCCEEDED;
	}

	public static Long seq(String value, List<String> problems) {
		try {
			long seq = Long.parseLong(value.trim());
			if (seq < 1) {
				problems.add("seq " + value + " is not a positive integer");
			}
			return seq;
		}
		catch (NumberFormatException ex) {
			problems.add("seq '" + abbreviate(value) + "' is not an integer");
			return null;
		}
	}

	public static void checkHash(String field, String value, List<String> problems) {
		if (!HASH.matcher(value).matches()) {
			problems.add(field + " '" + abbreviate(value) + "' is not 64 lower-case hex digits");
		}
	}

	static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

	/** A text field as findings show it: trimmed, and {@code null} when blank. */
	public static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
