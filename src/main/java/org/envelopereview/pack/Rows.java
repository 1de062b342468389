package org.envelopereview.pack;

import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import org.envelopereview.finding.Finding;

/**
 * Rows and values for the templates' data sources, formatted the way the pack shows them.
 */
final class Rows {

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final int RAW_TEXT_LIMIT = 600;

	private Rows() {
	}

	static JRDataSource findingRows(List<Finding> findings) {
		List<Map<String, ?>> rows = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			rows.add(findingRow(finding));
		}
		return rows(rows);
	}

	/** A row of findings-table.jrxml showing one finding. */
	static Map<String, Object> findingRow(Finding finding) {
		Map<String, Object> row = new HashMap<>();
		row.put("severity", finding.severity().label().toUpperCase(Locale.ROOT));
		row.put("severityColor", FindingPresentation.color(finding.severity()));
		row.put("code", finding.code().code());
		String subject = (finding.actionId() != null) ? finding.actionId()
				: (finding.envelopeId() != null) ? finding.envelopeId() : "–";
		row.put("subject", subject + (finding.unassigned() ? "\n(unassigned)" : ""));
		row.put("explanation", finding.explanation());
		List<String> details = new ArrayList<>();
		if (!finding.evidence().isEmpty()) {
			details.add("Evidence: " + pairs(finding.evidence()));
		}
		if (!finding.controls().isEmpty()) {
			details.add("Controls: " + String.join(", ", finding.controls()));
		}
		row.put("details", details.isEmpty() ? null : String.join("\n", details));
		return row;
	}

	static JRDataSource digests(List<PackManifest.FileDigest> digests) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (PackManifest.FileDigest digest : digests) {
			rows.add(Map.of("name", digest.name(), "sha256", digest.sha256(), "size",
					(digest.size() != null) ? String.format(Locale.ROOT, "%,d", digest.size()) : "–"));
		}
		return rows(rows);
	}

	static Map<String, ?> fact(String label, String value) {
		return Map.of("label", label, "value", (value != null) ? value : "–");
	}

	static Map<String, ?> chartRow(String category, String series, Number value) {
		return Map.of("category", category, "series", series, "value", value);
	}

	static JRDataSource rows(Collection<Map<String, ?>> rows) {
		return new JRMapCollectionDataSource(rows);
	}

	static String list(List<?> values) {
		if (values == null) {
			return "any";
		}
		if (values.isEmpty()) {
			return "none";
		}
		return values.stream().map(Object::toString).collect(Collectors.joining(", "));
	}

	static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	/** Like {@link #plural}, with thousands separated: {@code 42,882 findings}. */
	static String counted(long count, String noun) {
		return count(count) + " " + noun + ((count == 1) ? "" : "s");
	}

	static String commonName(String distinguishedName) {
		try {
			for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(distinguishedName).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (javax.naming.InvalidNameException ex) {
			// show the name as it is
		}
		return distinguishedName;
	}

	static String orNone(Integer value) {
		return (value != null) ? value.toString() : "not set";
	}

	static String duration(Duration duration) {
		if (duration.toMinutes() < 120) {
			return duration.toMinutes() + " min";
		}
		return (duration.toHours() < 48) ? duration.toHours() + " h" : duration.toDays() + " days";
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/**
	 * Counts that no longer read as numbers (IPv6 address space) are shown as powers of
	 * two.
	 */
	static String count(BigInteger value) {
		if (value == null) {
			return "–";
		}
		if (value.bitLength() > 40 && value.bitCount() == 1) {
			return "2^" + (value.bitLength() - 1);
		}
		if (value.bitLength() > 40) {
			return "≈2^" + (value.bitLength() - 1);
		}
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String pairs(Map<String, String> values) {
		return values.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	static String abbreviate(String text) {
		if (text == null) {
			return "–";
		}
		if (text.length() <= RAW_TEXT_LIMIT) {
			return text;
		}
		return text.substring(0, RAW_TEXT_LIMIT) + " … (" + (text.length() - RAW_TEXT_LIMIT) + " more characters)";
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
