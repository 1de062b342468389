package org.envelopereview.review.output;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsCsvTests {

	@Test
	void shouldQuoteCellsWithCommasQuotesAndLineBreaks() {
		assertThat(FindingsCsv.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(FindingsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(FindingsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(FindingsCsv.cell("plain")).isEqualTo("plain");
	}

	@Test
	void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(FindingsCsv.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
		assertThat(FindingsCsv.cell("+1")).isEqualTo("'+1");
		assertThat(FindingsCsv.cell("-1")).isEqualTo("'-1");
		assertThat(FindingsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(FindingsCsv.cell("\tx")).isEqualTo("'\tx");
		assertThat(FindingsCsv.cell("a=b")).isEqualTo("a=b");
	}

	@Test
	void shouldWriteAHeaderAndOneCrlfTerminatedRowPerFinding() {
		Finding finding = new Finding(FindingCode.OOS_PORT, Severity.HIGH, "payments-cab", false, "PA-1", "a-1",
				"sg-1 opened port 22", new TreeMap<>(java.util.Map.of("ports", "22", "agent", "x")),
				List.of("SOC2 CC8.1", "ISO27001-2022 A.8.32"));
		String csv = FindingsCsv.render(List.of(new StoredFinding("k", finding)));
		assertThat(csv.split("\r\n")).containsExactly(String.join(",", FindingsCsv.HEADER),
				"high,OOS-PORT,payments-cab,false,PA-1,a-1,sg-1 opened port 22,agent=x; ports=22,"
						+ "SOC2 CC8.1; ISO27001-2022 A.8.32,k");
		assertThat(csv).endsWith("\r\n");
	}

}
