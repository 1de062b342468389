package org.envelopereview.envelope;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.action.provider.Regions;
import org.envelopereview.system.CidrSyntax;

/** The syntax rules of the values written in envelope files and boards.yaml. */
final class FieldSyntax {

	static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "icmpv6", "all");

	private static final Pattern ENVELOPE_ID = Pattern.compile("[A-Z0-9-]{1,128}");

	private static final Pattern BOARD_ID = Pattern.compile("[a-z0-9-]{1,64}");

	private static final Pattern PORT_RANGE = Pattern.compile("([0-9]{1,6})(?:-([0-9]{1,6}))?");

	/** AWS style (eu-west-1, us-gov-west-1) or Google Cloud style (europe-west1). */
	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}|[a-z]+-[a-z]+[0-9]{1,2}");

	private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._:/@+=,*?-]{1,512}");

	private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9._@+=,-]{1,256}");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern COMPLIANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

	private FieldSyntax() {
	}

	static Syntax<String> envelopeId(String text) {
		return ENVELOPE_ID.matcher(text).matches() ? Syntax.valid(text) : Syntax.invalid(
				"'" + text + "' is not an envelope id: use upper-case letters, digits and '-' (e.g. PA-FAILOVER-007)");
	}

	static Syntax<String> boardId(String text) {
		return BOARD_ID.matcher(text).matches() ? Syntax.valid(text) : Syntax
			.invalid("'" + text + "' is not a board id: use lower-case letters, digits and '-' (e.g. payments-cab)");
	}

	static Syntax<String> nonBlank(String text) {
		if (text.isBlank()) {
			return Syntax.invalid("must not be blank");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// shown in the pack: nothing that hides text or makes it read differently
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
					|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
				return Syntax.invalid(String.format("holds the %s character U+%04X at position %d",
						(c >= 0x2000) ? "bidirectional control" : "control", (int) c, i + 1));
			}
		}
		return Syntax.valid(text.strip());
	}

	static Syntax<Envelope.RationalePolicy> rationalePolicy(String text) {
		for (Envelope.RationalePolicy policy : Envelope.RationalePolicy.values()) {
			if (policy.label().equals(text)) {
				return Syntax.valid(policy);
			}
		}
		return Syntax.invalid("'" + text + "' is not a rationale policy: use required or optional");
	}

	static Syntax<String> email(String text) {
		return EMAIL.matcher(text).matches() ? Syntax.valid(text)
				: Syntax.invalid("'" + text + "' is not an email address");
	}

	static Syntax<String> actionType(String text) {
		if (ActionTypes.isKnown(text)) {
			return Syntax.valid(text);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		String hint = ActionTypes.isKnown(lower) ? "; did you mean " + lower + "?"
				: "; canonical types: " + String.join(", ", ActionTypes.ALL);
		return Syntax.invalid("'" + text + "' is not a canonical action type" + hint);
	}

	/** An IPv4 or IPv6 prefix with an explicit length and no host bits set. */
	static Syntax<IPAddress> cidr(String text) {
		IPAddress address;
		try {
			address = new IPAddressString(text.strip(), CidrSyntax.STRICT).toAddress();
		}
		catch (AddressStringException | RuntimeException ex) {
			return Syntax.invalid("'" + text + "' is not a CIDR");
		}
		if (address == null || !address.isPrefixed()) {
			return Syntax.invalid("'" + text + "' is not a CIDR: it has no prefix length (write e.g. " + text
					+ ((address != null && address.isIPv6()) ? "/128" : "/32") + ")");
		}
		if (!address.isPrefixBlock()) {
			return Syntax.invalid("'" + text + "' is not a CIDR: host bits are set; did you mean "
					+ address.toPrefixBlock().toCanonicalString() + "?");
		}
		return Syntax.valid(address.toPrefixBlock());
	}

	/** A port ({@code 443}) or an inclusive range ({@code 8443-8444}), 0 to 65535. */
	static Syntax<PortRange> ports(String text) {
		Matcher matcher = PORT_RANGE.matcher(text.strip());
		if (!matcher.matches()) {
			return Syntax.invalid("'" + text + "' is not a port or port range (N or A-B, 0 to 65535)");
		}
		int from = Integer.parseInt(matcher.group(1));
		int to = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : from;
		if (from > 65535 || to > 65535) {
			return Syntax.invalid("'" + text + "' is not a port or port range: ports are 0 to 65535");
		}
		if (from > to) {
			return Syntax.invalid("'" + text + "' is not a port range: " + from + " is greater than " + to);
		}
		return Syntax.valid(new PortRange(from, to));
	}

	static Syntax<String> protocol(String text) {
		if (PROTOCOLS.contains(text)) {
			return Syntax.valid(text);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		String hint = PROTOCOLS.contains(lower) ? "; write it in lower case: " + lower
				: "; allowed: " + String.join(", ", PROTOCOLS);
		return Syntax.invalid("'" + text + "' is not a protocol" + hint);
	}

	/**
	 * An AWS or Google Cloud region by its form, or a region name the catalogue knows
	 * (Azure's, {@code global}; {@code catalog/regions.yaml}).
	 */
	static Syntax<String> region(String text) {
		if (REGION.matcher(text).matches() || Regions.isKnownAnywhere(text)) {
			return Syntax.valid(text);
		}
		String plain = text.toLowerCase(Locale.ROOT).replace(" ", "");
		String hint = Regions.isKnownAnywhere(plain) ? "; did you mean " + plain + "?" : "";
		return Syntax.invalid("'" + text + "' is not a region (e.g. " + Regions.examples() + ")" + hint);
	}

	/** A glob pattern: safe characters plus {@code *} (any run) and {@code ?} (one). */
	static Syntax<String> glob(String text) {
		return GLOB.matcher(text).matches() ? Syntax.valid(text) : Syntax.invalid("'" + text
				+ "' is not a valid pattern: use letters, digits, . _ : / @ + = , - and the wildcards * and ?");
	}

	/**
	 * A provider principal or a glob of them: an ARN, an email (service account, UPN), an
	 * object id, or a bare role or user name.
	 */
	static Syntax<String> principal(String text) {
		return GLOB.matcher(text).matches() ? Syntax.valid(text) : Syntax.invalid("'" + text
				+ "' is not a principal pattern: write a role or user ARN (arn:aws:iam::*:role/failover-agent), "
				+ "a service-account email or a role or user name, with the wildcards * and ?");
	}

	static Syntax<String> agent(String text) {
		return AGENT.matcher(text).matches() ? Syntax.valid(text)
				: Syntax.invalid("'" + text + "' is not an agent name: use letters, digits and . _ @ + = , -");
	}

	static Syntax<String> complianceReference(String text) {
		return COMPLIANCE.matcher(text).matches() ? Syntax.valid(text)
				: Syntax.invalid("'" + text + "' is not a compliance reference (e.g. PCI-DSS-4.0.1, ISO27001-2022)");
	}

	/** A positive ISO-8601 duration, {@code PT30M}. */
	static Syntax<Duration> positiveDuration(String text) {
		Duration duration;
		try {
			duration = Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			return Syntax.invalid("'" + text + "' is not an ISO-8601 duration (e.g. PT30M, PT4H, P1D)");
		}
		if (duration.isNegative() || duration.isZero()) {
			return Syntax.invalid("'" + text + "' must be a positive duration");
		}
		return Syntax.valid(duration);
	}

}
