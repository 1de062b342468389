package org.envelopereview.cli;

import picocli.CommandLine.IFactory;

import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.generator.HistoryGenerator;
import org.envelopereview.generator.SyntheticEnvelopes;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.system.ReviewPaths;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The whole application context of the commands that need no database: the commands, the
 * few features they call and the {@code review.*} paths. No auto-configuration, so no
 * DataSource, Flyway, Batch, Quartz or JasperReports, and nothing is opened.
 * <p>
 * Deliberately not a {@code @Configuration}: component scanning of the full application
 * must not pick it up. {@link CommandLineTriage} sends a command here when its class is
 * one of the commands imported below.
 */
@Import({ CommandLineEntryPoint.class, EnvelopeReviewCommand.class, EnvelopesCommand.class,
		ValidateEnvelopesCommand.class, VerifyCommand.class, RetimestampCommand.class, GenerateHistoryCommand.class,
		GenerateEnvelopesCommand.class, EnvelopeLoader.class, PackVerifier.class, PadesSigner.class,
		HistoryGenerator.class, SyntheticEnvelopes.class })
@EnableConfigurationProperties({ ReviewPaths.class, SigningProperties.class })
public class CommandsWithoutDatabase {

	/**
	 * The commands of this context from it; the others only to parse the command line.
	 */
	@Bean
	IFactory picocliFactory(ApplicationContext context) {
		return new UnwiredCommandFactory(context);
	}

}
