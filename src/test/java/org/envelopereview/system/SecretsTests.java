package org.envelopereview.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keystore password is read only from the environment or a file, and never shows in
 * the output (with debug logging on), the packs and evidence files, or anything stored in
 * the database, including the job repository's parameters and contexts. The development
 * key is refused when a production key is required. Runs the real product in child JVMs
 * on an H2 file.
 */
@SlowTest
class SecretsTests {

	static final String PASSWORD = "Tr0ub4dor&3-do-not-leak-7f3a";

	@TempDir
	Path workDir;

	Path keystore;

	Path history;

	@BeforeEach
	void keystoreAndHistory() throws Exception {
		this.keystore = this.workDir.resolve("signer.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-storetype", "PKCS12", "-keystore", this.keystore.toString(), "-storepass", PASSWORD,
				"-keypass", PASSWORD, "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
				"-dname", "CN=Secrets Test Signer, O=Example Ltd, C=DE")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		this.history = ProcessFaultTests.history(this.workDir, 200);
	}

	@Test
	void shouldNeverShowTheKeystorePasswordInOutputPacksOrTheDatabase() throws Exception {
		ReviewProcess product = ReviewProcess
			.onH2File(this.workDir, "review.signing.keystore=" + this.keystore,
					"review.signing.require-production-key=true", "logging.level.org.envelopereview=DEBUG",
					"logging.level.org.springframework.batch=DEBUG")
			.withEnvironment("REVIEW_SIGNING_PASSWORD", PASSWORD);

		ReviewProcess.Result ingest = product.run("ingest", this.history.toString());
		ReviewProcess.Result run = product.run("run", "--period", "2026-Q3");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Signed review packs").contains("review-pack.pdf");
		assertThat(ingest.output() + run.output()).doesNotContain(PASSWORD);
		List<Path> files = filesUnder(product.outputDir());
		assertThat(files).anySatisfy((file) -> assertThat(file.toString()).endsWith("review-pack.pdf"));
		assertThat(files).allSatisfy((file) -> assertThat(contains(file, PASSWORD)).as(file.toString()).isFalse());
		assertThat(product.query(SecretsTests::cellsHoldingThePassword)).isEmpty();
		long parameters = product
			.query((c) -> ReviewProcess.count(c, "SELECT COUNT(*) FROM batch_job_execution_params"));
		assertThat(parameters).as("the scan covered the job parameters").isPositive();
	}

	@Test
	void shouldNameTheKeystoreButNotThePasswordWhenThePasswordFileIsWrong() throws Exception {
		String wrong = "wrong-" + PASSWORD;
		Path passwordFile = this.workDir.resolve("password.txt");
		Files.writeString(passwordFile, wrong + "\n");
		ReviewProcess product = ReviewProcess.onH2File(this.workDir, "review.signing.keystore=" + this.keystore,
				"review.signing.password-file=" + passwordFile);

		product.run("ingest", this.history.toString());
		ReviewProcess.Result run = product.run("run", "--period", "2026-Q3");

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains(this.keystore.toString(), passwordFile.toString())
			.doesNotContain(wrong)
			.doesNotContain(PASSWORD);
		assertThat(filesUnder(product.outputDir())).noneMatch((file) -> file.toString().endsWith(".pdf"));
		assertThat(product.query(SecretsTests::cellsHoldingThePassword)).isEmpty();
	}

	@Test
	void shouldRefuseTheDevelopmentKeyWhenAProductionKeyIsRequiredAndWriteNoPack() throws Exception {
		ReviewProcess product = ReviewProcess.onH2File(this.workDir, "review.signing.require-production-key=true");

		product.run("ingest", this.history.toString());
		ReviewProcess.Result run = product.run("run", "--period", "2026-Q3");

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("review.signing.require-production-key is true");
		assertThat(filesUnder(product.outputDir())).noneMatch((file) -> file.toString().endsWith(".pdf"));
	}

	@Test
	void shouldSignWithTheDevelopmentKeyWhenNoProductionKeyIsRequired() throws Exception {
		ReviewProcess product = ReviewProcess.onH2File(this.workDir);

		product.run("ingest", this.history.toString());
		ReviewProcess.Result run = product.run("run", "--period", "2026-Q3");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(filesUnder(product.outputDir())).anyMatch((file) -> file.toString().endsWith("review-pack.pdf"));
	}

	/** "table.column" of every stored value that holds the password. */
	static List<String> cellsHoldingThePassword(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet rows = metaData.getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				String schema = rows.getString("TABLE_SCHEM");
				if (schema == null || !schema.equalsIgnoreCase("information_schema")) {
					tables.add(((schema != null) ? schema + "." : "") + rows.getString("TABLE_NAME"));
				}
			}
		}
		assertThat(tables).as("tables scanned").hasSizeGreaterThan(10);
		List<String> leaks = new ArrayList<>();
		for (String table : tables) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					for (int column = 1; column <= columns; column++) {
						String value = rows.getString(column);
						if (value != null && value.contains(PASSWORD)) {
							leaks.add(table + "." + rows.getMetaData().getColumnName(column));
						}
					}
				}
			}
		}
		return leaks;
	}

	static List<Path> filesUnder(Path root) throws IOException {
		if (!Files.exists(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

	static boolean contains(Path file, String text) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
				.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
