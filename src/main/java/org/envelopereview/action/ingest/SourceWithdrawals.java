package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.ActionHash;
import org.envelopereview.action.QuarantineRow;
import org.envelopereview.action.StoredActionMapper;
import org.envelopereview.system.RowLock;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Service;

/**
 * Withdraws a wrongly ingested source from review ({@code ingest withdraw}): its actions
 * leave {@code agent_action} for {@code withdrawn_action} (kept as evidence, so a
 * corrected file re-ingests under the same ids), its quarantined records and write events
 * not reviewed stop counting, and the withdrawal is recorded for the next review's packs.
 * <p>
 * A source is its content: every ingest of the same SHA-256 is withdrawn together. The
 * withdrawal refuses when rows of other sources chain onto the source's actions (a later
 * file of the same agents): removing the source would break their hash chains, and the
 * chain check would then have to report tampering. Withdraw the later sources first.
 */
@Service
public class SourceWithdrawals {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final int BATCH = 1000;

	private final Jdbi jdbi;

	private final DataSource dataSource;

	private final Clock clock;

	SourceWithdrawals(Jdbi jdbi, DataSource dataSource) {
		this.jdbi = jdbi;
		this.dataSource = dataSource;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Withdraws the source named by its path as ingested (or, for a file that exists, by
	 * its content) or by its SHA-256.
	 * @param withdrawnBy who withdraws it (the operating-system user)
	 * @throws WithdrawalRefused when the source is unknown, ambiguous, already withdrawn,
	 * or later records chain onto it
	 */
	public Withdrawn withdraw(String source, String reason, String withdrawnBy) {
		if (reason == null || reason.isBlank()) {
			throw new WithdrawalRefused("a reason is required (--reason): the packs show why the source was withdrawn");
		}
		if (source.isBlank() || source.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new WithdrawalRefused("no source was ingested as '" + QuarantineRow.shown(source)
					+ "' (a path or SHA-256 has no control characters)");
		}
		if (reason.length() > 2000) {
			throw new WithdrawalRefused("the reason is " + reason.length() + " characters long; at most 2000");
		}
		// shown in the packs and stored in PostgreSQL, which cannot hold NUL
		String shownReason = QuarantineRow.shown(reason.strip());
		try (RowLock lock = IngestLock.acquire(this.dataSource)) {
			return this.jdbi.inTransaction((handle) -> {
				WithdrawalDao dao = handle.registerRowMapper(new StoredActionMapper()).attach(WithdrawalDao.class);
				String sha256 = resolve(dao, source);
				List<WithdrawalDao.Source> all = dao.sourcesWithSha256(sha256);
				List<WithdrawalDao.Source> open = all.stream().filter((row) -> row.withdrawalId() == null).toList();
				if (open.isEmpty()) {
					WithdrawalDao.Recorded earlier = dao.withdrawal(all.get(all.size() - 1).withdrawalId()).get(0);
					throw new WithdrawalRefused(source + " (SHA-256 " + sha256 + ") is already withdrawn: on "
							+ earlier.withdrawnAt() + " by " + earlier.withdrawnBy() + ", reason: " + earlier.reason());
				}
				long[] ids = open.stream().mapToLong(WithdrawalDao.Source::id).toArray();
				refuseIfChainedOnto(dao, ids, source, sha256);
				String name = open.stream()
					.map(WithdrawalDao.Source::sourceName)
					.distinct()
					.collect(Collectors.joining(", "));
				long actions = dao.countActions(ids);
				long quarantined = dao.countQuarantined(ids);
				long notReviewed = dao.countNotReviewed(ids);
				Instant now = this.clock.instant();
				long id = dao.insertWithdrawal(bounded(name, 1024), sha256, now.atOffset(ZoneOffset.UTC),
						bounded(QuarantineRow.shown(withdrawnBy), 256), shownReason, actions, quarantined, notReviewed);
				List<WithdrawalDao.WithdrawnActionRow> batch = new ArrayList<>();
				dao.actionsOf(ids, (stored) -> {
					batch.add(new WithdrawalDao.WithdrawnActionRow(stored.action().id(), stored.action().agent(),
							stored.action().seq(), stored.action().occurredAt().atOffset(ZoneOffset.UTC),
							stored.action().hash(), stored.sourceLine(), ActionHash.canonicalJson(stored.action())));
					if (batch.size() >= BATCH) {
						dao.insertWithdrawnActions(id, batch);
						batch.clear();
					}
				});
				if (!batch.isEmpty()) {
					dao.insertWithdrawnActions(id, batch);
				}
				dao.deleteActions(ids);
				dao.withdrawQuarantined(ids, id);
				dao.withdrawSources(ids, id);
				return new Withdrawn(id, name, sha256, now, withdrawnBy, shownReason, actions, quarantined,
						notReviewed);
			});
		}
	}

	/** The SHA-256 the argument names. */
	private static String resolve(WithdrawalDao dao, String source) {
		if (SHA256.matcher(source).matches()) {
			String sha256 = source.toLowerCase(Locale.ROOT);
			if (dao.sourcesWithSha256(sha256).isEmpty()) {
				throw new WithdrawalRefused("no ingested source has SHA-256 " + sha256);
			}
			return sha256;
		}
		List<WithdrawalDao.Source> named = dao.sourcesNamed(source);
		Path file = path(source);
		if (named.isEmpty() && file != null) {
			named = dao.sourcesNamed(file.normalize().toString());
		}
		if (named.isEmpty()) {
			if (file != null && Files.isRegularFile(file)) {
				String sha256 = sha256(file);
				if (!dao.sourcesWithSha256(sha256).isEmpty()) {
					return sha256;
				}
				throw new WithdrawalRefused("no source was ingested as " + source + ", and no ingested source has its "
						+ "content (SHA-256 " + sha256 + ")");
			}
			throw new WithdrawalRefused("no source was ingested as " + source
					+ " (name it as it was ingested, or by its SHA-256 as the packs' manifest lists it)");
		}
		List<String> contents = named.stream().map(WithdrawalDao.Source::sha256).distinct().toList();
		List<String> open = named.stream()
			.filter((row) -> row.withdrawalId() == null)
			.map(WithdrawalDao.Source::sha256)
			.distinct()
			.toList();
		if (open.size() > 1) {
			throw new WithdrawalRefused(
					source + " was ingested with different contents; name the one to withdraw " + "by its SHA-256: "
							+ named.stream()
								.filter((row) -> row.withdrawalId() == null)
								.map((row) -> row.sha256() + " (ingested " + row.startedAt() + ")")
								.distinct()
								.collect(Collectors.joining(", ")));
		}
		return open.isEmpty() ? contents.get(contents.size() - 1) : open.get(0);
	}

	private static void refuseIfChainedOnto(WithdrawalDao dao, long[] ids, String source, String sha256) {
		List<WithdrawalDao.LaterLink> links = dao.laterLinks(ids);
		if (links.isEmpty()) {
			return;
		}
		String examples = links.stream()
			.limit(5)
			.map((link) -> "agent " + link.agent() + " seq " + link.seq() + " (action " + link.actionId() + ", from "
					+ ((link.sourceName() != null) ? link.sourceName() + ", SHA-256 " + link.sha256()
							: "no recorded source")
					+ ") follows seq " + link.firstSeq() + " of this source")
			.collect(Collectors.joining("; "));
		List<String> later = links.stream()
			.filter((link) -> link.sha256() != null)
			.map((link) -> link.sourceName() + " (" + link.sha256() + ")")
			.distinct()
			.toList();
		throw new WithdrawalRefused("cannot withdraw " + source + " (SHA-256 " + sha256
				+ "): later records chain onto its actions, so removing them would break those agents' hash chains: "
				+ examples + ". Withdraw the later sources first, newest first"
				+ (later.isEmpty() ? "" : " (" + String.join(", ", later) + ")")
				+ ", then re-ingest them after the corrected file.");
	}

	/** The argument as a path, or {@code null} when it cannot name one. */
	private static Path path(String source) {
		try {
			return Path.of(source);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

	private static String sha256(Path file) {
		MessageDigest digest = Sha256.newDigest();
		try (InputStream input = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw new WithdrawalRefused("cannot read " + file + ": " + ex.getMessage());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String bounded(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 3) + "..." : text;
	}

	/** What a withdrawal took out of review. */
	public record Withdrawn(long id, String sourceName, String sha256, Instant withdrawnAt, String withdrawnBy,
			String reason, long actions, long quarantined, long notReviewed) {
	}

	/** The source cannot be withdrawn; the message says why. */
	public static class WithdrawalRefused extends RuntimeException {

		WithdrawalRefused(String message) {
			super(message);
		}

	}

}
