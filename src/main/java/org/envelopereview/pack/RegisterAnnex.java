package org.envelopereview.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

import org.envelopereview.finding.Finding;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.fact;
import static org.envelopereview.pack.Rows.rows;

/**
 * Renders the register annex, {@code register.pdf} (SPEC §9): every finding of the
 * board's review as the pack printed them before it grouped them, for readers who want
 * paper. Findings are turned into rows one at a time as Jasper asks for them, and filled
 * pages are swapped to disk, so the annex of any volume fits a fixed heap.
 */
final class RegisterAnnex {

	static final String FILE = "register.pdf";

	private final PackTemplates templates;

	RegisterAnnex(PackTemplates templates) {
		this.templates = templates;
	}

	/**
	 * @return the number of pages
	 */
	int render(BoardReview review, PackManifest manifest, PackRenderer.Metadata metadata, Path target, Path workDir)
			throws IOException {
		Map<String, Object> parameters = new java.util.HashMap<>();
		ReviewFacts facts = new ReviewFacts(review);
		parameters.put("SUBREPORTS", this.templates.subreports());
		parameters.put("BOARD_NAME", review.board().name());
		parameters.put("PERIOD", review.period().label());
		parameters.put("PERIOD_RANGE", facts.periodRange());
		parameters.put("RUN_LABEL", "Run " + review.runNumber() + " (id " + review.runId() + ") · "
				+ review.board().id() + " · " + review.period().label() + " · register annex");
		parameters.put("DEVELOPMENT_KEY", manifest.signer().developmentKey());
		parameters.put("INTRODUCTION", "This annex to the board's review pack (" + ReviewPackWriter.PACK
				+ ") lists every finding of the review, " + Rows.plural(review.findings().size(), "finding")
				+ ", one row each, in the order of findings.json: most severe first, then by code, envelope and "
				+ "action. The pack shows them grouped; findings.json and findings.csv, attached to the pack, hold "
				+ "the same findings for machines. The pack's manifest lists this file's SHA-256.");
		List<Map<String, ?>> cover = new ArrayList<>();
		cover.add(fact("Board", review.board().id()));
		cover.add(fact("Run", "#" + review.runNumber() + " (id " + review.runId() + ")"));
		cover.add(fact("Findings", Rows.count(review.findings().size())));
		cover.add(fact("Signer", Rows.commonName(manifest.signer().subject())
				+ (manifest.signer().developmentKey() ? " (development key)" : "")));
		cover.add(fact("Certificate SHA-256", manifest.signer().certificateSha256()));
		parameters.put("COVER_FACTS", rows(cover));
		parameters.put("FINDINGS", new FindingRows(review.findings().iterator()));
		return new PackRenderer(this.templates).renderOne("register-annex", parameters, metadata, target, workDir);
	}

	/** The rows of findings-table.jrxml, one finding at a time. */
	private static final class FindingRows implements JRDataSource {

		private final Iterator<Finding> findings;

		private Map<String, Object> row;

		FindingRows(Iterator<Finding> findings) {
			this.findings = findings;
		}

		@Override
		public boolean next() {
			if (!this.findings.hasNext()) {
				this.row = null;
				return false;
			}
			this.row = Rows.findingRow(this.findings.next());
			return true;
		}

		@Override
		public Object getFieldValue(JRField field) {
			return this.row.get(field.getName());
		}

	}

}
