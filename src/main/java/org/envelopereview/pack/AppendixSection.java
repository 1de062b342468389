package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.digests;
import static org.envelopereview.pack.Rows.fact;
import static org.envelopereview.pack.Rows.plural;
import static org.envelopereview.pack.Rows.rows;

/** The appendix: method, control mapping and the manifest. */
final class AppendixSection implements PackSection {

	private final BoardReview review;

	private final ReviewFacts facts;

	private final PackManifest manifest;

	private final Map<String, JasperReport> subreports;

	AppendixSection(ReviewFacts facts, PackManifest manifest, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.manifest = manifest;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "appendix";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry("Appendix: method, control mapping, manifest", 1));
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = PackSections.section(this.subreports, "appendix",
				new net.sf.jasperreports.engine.JREmptyDataSource(0));
		parameters.put("METHOD", "The review loaded every envelope file of the board and the boards.yaml directory, "
				+ "took every action recorded for " + this.review.period().label() + " (" + this.facts.periodRange()
				+ ") and the history before it, and evaluated the finding rules of SPEC §4 as of the period's last "
				+ "instant. Exercised scope is measured per period from the actions themselves; addresses and ports "
				+ "count opening actions only. Findings with no board go to the default board. findings.json, "
				+ "findings.csv and manifest.json are embedded in this PDF as associated files and written beside it; "
				+ "the PAdES signature covers the whole document, attachments included.");
		parameters.put("CONTROLS", rows(controlMapping(this.review.findings())));
		List<Map<String, ?>> facts = new ArrayList<>();
		facts.add(fact("Format", this.manifest.format()));
		facts.add(fact("Software", "Envelope Review " + this.manifest.softwareVersion()));
		facts.add(fact("Signer", this.manifest.signer().subject()));
		facts.add(fact("Certificate SHA-256", this.manifest.signer().certificateSha256()));
		facts.add(fact("Development key", this.manifest.signer().developmentKey() ? "yes — not for submission" : "no"));
		if (this.manifest.signer().signatureLevel() != null) {
			facts.add(fact("Signature level", "PAdES-" + this.manifest.signer().signatureLevel()));
		}
		parameters.put("MANIFEST_FACTS", rows(facts));
		parameters.put("MANIFEST_NOTE", "manifest.json records the SHA-256 of every input and output, and of every "
				+ "ingested audit-trail file that contributed to the period; "
				+ "`envelope-review verify review-pack.pdf` checks the embedded files against it and the signature "
				+ "over the whole file.");
		List<PackManifest.FileDigest> inputs = ListedDigests.inputs(this.manifest.inputs(),
				this.facts.envelopes().detailed());
		parameters.put("INPUTS", digests(inputs));
		parameters.put("INPUTS_MORE", ListedDigests.moreInputs(this.manifest.inputs(), inputs));
		parameters.put("OUTPUTS", digests(this.manifest.outputs()));
		List<PackManifest.FileDigest> sources = new ArrayList<>();
		this.manifest.sources()
			.forEach((source) -> sources.add(new PackManifest.FileDigest(
					source.name() + " (" + contribution(source) + ")", source.sha256(), null)));
		parameters.put("SOURCES", digests(ListedDigests.sources(sources)));
		parameters.put("SOURCES_MORE", ListedDigests.moreSources(sources));
		return parameters;
	}

	static String contribution(PackManifest.SourceFile source) {
		List<String> parts = new ArrayList<>();
		parts.add(count(source.actions()) + ((source.actions() == 1) ? " action" : " actions"));
		if (source.quarantined() > 0) {
			parts.add(source.quarantined() + " quarantined");
		}
		if (source.notReviewed() > 0) {
			parts.add(source.notReviewed() + " not reviewed");
		}
		return String.join(", ", parts);
	}

	/**
	 * Each control of the catalogue once, in catalogue order, with the codes of this
	 * pack's findings that cite it; a reference the catalogue does not know (none today)
	 * still shows, after them.
	 */
	static List<Map<String, ?>> controlMapping(List<Finding> findings) {
		Map<String, Set<String>> codesByControl = new LinkedHashMap<>();
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		catalogue.controls().forEach((control) -> codesByControl.put(control.ref(), new TreeSet<>()));
		for (Finding finding : findings) {
			for (String control : finding.controls()) {
				codesByControl.computeIfAbsent(control, (ref) -> new TreeSet<>()).add(finding.code().code());
			}
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		codesByControl.forEach((ref, codes) -> rows.add(Map.of("control", ref, "meaning",
				catalogue.control(ref).map((control) -> control.framework() + " — " + control.title()).orElse(""),
				"codes", codes.isEmpty() ? "none this period" : String.join(", ", codes))));
		return rows;
	}

}
