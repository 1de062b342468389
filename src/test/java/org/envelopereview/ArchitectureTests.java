package org.envelopereview;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows between packages that the layout promises: the flow ingest → snapshot →
 * verify chain → evaluate → assess → outputs → packs, with the rules and the scope
 * measurement knowing nothing of the job that runs them.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.envelopereview");

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		slices().matching("org.envelopereview.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void shouldKeepRulesAndScopeFreeOfTheJobRunAndOutputs() {
		noClasses().that()
			.resideInAnyPackage("..review.rules..", "..review.scope..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.envelopereview.review", "..review.job..", "..review.run..", "..review.output..",
					"..pack..", "..schedule..", "..cli..")
			.check(MAIN);
	}

	@Test
	void shouldRecommendWithoutTheJobRunOutputsOrPacks() {
		noClasses().that()
			.resideInAPackage("..review.recommend..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.envelopereview.review", "..review.job..", "..review.run..", "..review.output..",
					"..review.rules..", "..pack..", "..schedule..", "..cli..")
			.check(MAIN);
	}

	@Test
	void shouldMeasureScopeWithoutTheRules() {
		noClasses().that()
			.resideInAPackage("..review.scope..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..review.rules..")
			.check(MAIN);
	}

	@Test
	void shouldBuildPacksOnlyFromTheReviewsOutputs() {
		noClasses().that()
			.resideInAPackage("org.envelopereview.pack..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.envelopereview..")
				.and(not(resideInAnyPackage("org.envelopereview.pack..", "org.envelopereview.review.output..",
						"org.envelopereview.review.scope..", "org.envelopereview.review.recommend..",
						"org.envelopereview.finding..", "org.envelopereview.period..", "org.envelopereview.signing..",
						"org.envelopereview.envelope..", "org.envelopereview.action.chain..",
						"org.envelopereview.system..", "org.envelopereview.decision..",
						"org.envelopereview.export.."))))
			.check(MAIN);
	}

	@Test
	void shouldKeepDecisionsFreeOfTheReviewPacksSchedulerAndCommands() {
		noClasses().that()
			.resideInAPackage("org.envelopereview.decision..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.envelopereview.review..", "org.envelopereview.pack..",
					"org.envelopereview.schedule..", "org.envelopereview.cli..")
			.check(MAIN);
	}

	@Test
	void shouldKeepTheFindingCatalogueOutOfTheReview() {
		noClasses().that()
			.resideInAPackage("org.envelopereview.finding..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.envelopereview.review..", "org.envelopereview.pack..")
			.check(MAIN);
	}

	@Test
	void shouldKeepTheDomainFreeOfTheJobPacksSchedulerAndCommands() {
		noClasses().that()
			.resideInAnyPackage("org.envelopereview.action..", "org.envelopereview.envelope..",
					"org.envelopereview.finding..", "org.envelopereview.period..", "org.envelopereview.signing..",
					"org.envelopereview.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.envelopereview.review..", "org.envelopereview.pack..",
					"org.envelopereview.schedule..", "org.envelopereview.cli..")
			.check(MAIN);
	}

	@Test
	void shouldKeepTheJobWiringBehindTheLauncher() {
		classes().that()
			.resideInAPackage("org.envelopereview.review.job..")
			.should()
			.onlyBeAccessed()
			.byAnyPackage("org.envelopereview.review..")
			.check(MAIN);
	}

	@Test
	void shouldLetNothingDependOnTheCommandLine() {
		noClasses().that()
			.resideOutsideOfPackage("org.envelopereview.cli..")
			.and()
			.doNotHaveFullyQualifiedName("org.envelopereview.EnvelopeReviewApplication")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.envelopereview.cli..")
			.check(MAIN);
	}

}
