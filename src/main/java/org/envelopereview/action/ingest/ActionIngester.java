package org.envelopereview.action.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import org.envelopereview.action.ActionDao;
import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.QuarantineRow;
import org.envelopereview.action.SourceCounts;
import org.envelopereview.action.UnrecognisedInputException;
import org.envelopereview.action.azure.AzureActivityReader;
import org.envelopereview.action.cloudtrail.CloudTrailMapper;
import org.envelopereview.action.cloudtrail.CloudTrailReader;
import org.envelopereview.action.gcp.GcpAuditReader;
import org.envelopereview.system.ProgressBars;
import org.envelopereview.system.RowLock;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Service;

/**
 * Ingests action history files into {@code agent_action}: streaming, idempotent, with
 * quarantine and the per-agent integrity chain (SPEC §3).
 */
@Service
public class ActionIngester {

	private static final int DETECTION_BYTES = 8192;

	private final Jdbi jdbi;

	private final DataSource dataSource;

	private final IngestProperties properties;

	private final Clock clock;

	public ActionIngester(Jdbi jdbi, DataSource dataSource, IngestProperties properties) {
		this.jdbi = jdbi;
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Ingests the inputs in order.
	 * @param format the format of every input, or {@code null} to detect each one's
	 * @param maxRecordBytes records longer than this are quarantined
	 * @throws IllegalStateException when another ingest holds the lock
	 */
	public synchronized IngestReport ingest(List<IngestInput> inputs, IngestFormat format, int maxRecordBytes) {
		try (RowLock lock = IngestLock.acquire(this.dataSource)) {
			ActionRowWriter writer = rowWriter();
			Map<String, ActionDao.ChainTip> chainTips = new HashMap<>();
			List<SourceReport> reports = new ArrayList<>();
			Set<String> matchedMappings = new HashSet<>();
			boolean cloudTrail = false;
			for (IngestInput input : inputs) {
				SourceReport report = ingestOne(input, format, maxRecordBytes, writer, chainTips, matchedMappings);
				reports.add(report);
				cloudTrail |= report.format() == IngestFormat.CLOUDTRAIL;
			}
			Map<String, String> unmatched = new TreeMap<>();
			if (cloudTrail) {
				this.properties.roleEnvelopes().forEach((name, envelope) -> {
					if (!matchedMappings.contains(name)) {
						unmatched.put(name, envelope);
					}
				});
			}
			return new IngestReport(reports, unmatched);
		}
	}

	private SourceReport ingestOne(IngestInput input, IngestFormat givenFormat, int maxRecordBytes,
			ActionRowWriter writer, Map<String, ActionDao.ChainTip> chainTips, Set<String> matchedMappings) {
		MessageDigest sha256 = sha256();
		InputStream raw;
		try {
			raw = input.opener().open();
		}
		catch (IOException ex) {
			return new SourceReport(input.name(), givenFormat, null, new SourceCounts(),
					"cannot open: " + ex.getMessage());
		}
		boolean progress = input.size() < 0 || input.size() > this.properties.progressThresholdBytes();
		try (InputStream counted = progress ? ProgressBar.wrap(raw, progressBar(input)) : raw;
				DigestInputStream digested = new DigestInputStream(counted, sha256)) {
			InputStream content = decompressed(new BufferedInputStream(digested, 64 * 1024));
			IngestFormat format = (givenFormat != null) ? givenFormat : detect(content, input.name());
			long sourceId = this.jdbi.inTransaction((handle) -> ActionDao.attach(handle)
				.startSource(input.name(), format.optionValue(), this.clock.instant().atOffset(ZoneOffset.UTC)));
			try (IngestBatch batch = new IngestBatch(this.jdbi, writer, chainTips, sourceId, input.name(),
					this.properties.batchSize(), this.clock)) {
				String error = null;
				CloudTrailMapper mapper = (format == IngestFormat.CLOUDTRAIL)
						? new CloudTrailMapper(this.properties.roleEnvelopes()) : null;
				try {
					reader(format, maxRecordBytes, mapper).read(new FilterInputStream(content) {
						@Override
						public void close() {
							// the digest still needs the rest of the input
						}
					}, batch);
				}
				catch (UnrecognisedInputException ex) {
					error = input.name() + " " + ex.getMessage();
				}
				catch (IOException | UncheckedIOException ex) {
					error = "read failed after " + batch.counts().totals().read() + " records: " + describe(ex);
				}
				batch.flush();
				if (mapper != null) {
					matchedMappings.addAll(mapper.matchedMappings());
				}
				drain(digested);
				String digest = HexFormat.of().formatHex(sha256.digest());
				SourceCounts counts = batch.counts();
				this.jdbi.useTransaction((handle) -> {
					ActionDao dao = ActionDao.attach(handle);
					dao.insertCoverage(batch.coverage());
					dao.finishSource(sourceId, counts.totals(), digest, counts.skippedNames(),
							this.clock.instant().atOffset(ZoneOffset.UTC));
					storeNotReviewed(dao, sourceId, digest, counts);
				});
				return new SourceReport(input.name(), format, digest, counts, error);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			return new SourceReport(input.name(), givenFormat, null, new SourceCounts(),
					"cannot read: " + describe(ex));
		}
	}

	/**
	 * The write events not reviewed, per name and day, for the packs of their periods. A
	 * file ingested again (the same SHA-256) is counted once, as its actions are stored
	 * once.
	 */
	private static void storeNotReviewed(ActionDao dao, long sourceId, String digest, SourceCounts counts) {
		Map<SourceCounts.NotReviewedDay, Long> byDay = counts.notReviewedByDay();
		if (byDay.isEmpty() || dao.sameContentCounted(sourceId, digest)) {
			return;
		}
		// names are shown in the packs: control characters escaped, length bounded
		Map<SourceCounts.NotReviewedDay, Long> shown = new TreeMap<>();
		byDay.forEach((key, events) -> {
			String name = QuarantineRow.shown(key.eventName());
			name = (name.length() > 256) ? name.substring(0, 253) + "..." : name;
			shown.merge(new SourceCounts.NotReviewedDay(name, key.day()), events, Long::sum);
		});
		dao.insertNotReviewed(sourceId,
				shown.entrySet()
					.stream()
					.map((entry) -> new ActionDao.NotReviewedRow(entry.getKey().eventName(), entry.getKey().day(),
							entry.getValue()))
					.toList());
	}

	private static ActionRecordReader reader(IngestFormat format, int maxRecordBytes, CloudTrailMapper mapper) {
		return switch (format) {
			case JSONL -> new JsonLinesReader(maxRecordBytes);
			case CSV -> new CsvRecordReader(maxRecordBytes);
			case CLOUDTRAIL -> new CloudTrailReader(maxRecordBytes, mapper);
			case GCP_AUDIT -> new GcpAuditReader(maxRecordBytes);
			case AZURE_ACTIVITY -> new AzureActivityReader(maxRecordBytes);
		};
	}

	private ActionRowWriter rowWriter() {
		try {
			String database = this.jdbi
				.withHandle((handle) -> handle.getConnection().getMetaData().getDatabaseProductName());
			return "PostgreSQL".equalsIgnoreCase(database) ? new PostgresCopyWriter() : ActionRowWriter.jdbcBatch();
		}
		catch (JdbiException | SQLException ex) {
			throw new IllegalStateException("cannot reach the database: " + ex.getMessage(), ex);
		}
	}

	/** gzip is recognised by its magic bytes, whatever the file is called. */
	private static InputStream decompressed(BufferedInputStream input) throws IOException {
		input.mark(2);
		int first = input.read();
		int second = input.read();
		input.reset();
		if (first == 0x1f && second == 0x8b) {
			return new BufferedInputStream(new GZIPInputStream(input, 64 * 1024), 64 * 1024);
		}
		return input;
	}

	private static IngestFormat detect(InputStream content, String name) throws IOException {
		content.mark(DETECTION_BYTES);
		byte[] head = content.readNBytes(DETECTION_BYTES);
		content.reset();
		return IngestFormat.detect(head, head.length, name);
	}

	/** The digest covers the whole input even when a reader stopped early. */
	private static void drain(InputStream input) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		while (input.read(buffer) >= 0) {
			// digesting
		}
	}

	private static ProgressBarBuilder progressBar(IngestInput input) {
		return ProgressBars.builder("ingest " + input.name(), " MiB", 1024 * 1024).setInitialMax(input.size());
	}

	private static String describe(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static MessageDigest sha256() {
		return Sha256.newDigest();
	}

}
