package org.nianbao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package ladder (docs/architecture.md): each package depends only on packages below it,
 * no cycles, the bottom pure, resources without JDBC, migrations without application code. Plain
 * JUnit over the compiled main classes (milliseconds, no Quarkus boot).
 */
class LadderTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nianbao", "db.migration");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.nianbao.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void packagesDependOnlyDownTheLadder() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Main")
        .definedBy("org.nianbao")
        .layer("Database")
        .definedBy("org.nianbao.database..")
        .layer("Common")
        .definedBy("org.nianbao.common..")
        .layer("Catalogue")
        .definedBy("org.nianbao.catalogue..")
        .layer("Validation")
        .definedBy("org.nianbao.validation..")
        .layer("Tables")
        .definedBy("org.nianbao.tables..")
        .layer("Unit")
        .definedBy("org.nianbao.unit..")
        .layer("Security")
        .definedBy("org.nianbao.security..")
        .layer("Report")
        .definedBy("org.nianbao.report..")
        .layer("Rollup")
        .definedBy("org.nianbao.rollup..")
        .layer("Importing")
        .definedBy("org.nianbao.importing..")
        .layer("Checks")
        .definedBy("org.nianbao.checks..")
        .layer("Dashboard")
        .definedBy("org.nianbao.dashboard..")
        .whereLayer("Dashboard")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Checks")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Importing")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Rollup")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Report")
        .mayOnlyBeAccessedByLayers("Rollup", "Importing", "Checks")
        .whereLayer("Security")
        .mayOnlyBeAccessedByLayers("Report", "Rollup", "Importing", "Checks")
        .whereLayer("Unit")
        .mayOnlyBeAccessedByLayers("Security", "Report", "Rollup", "Importing", "Checks")
        .whereLayer("Tables")
        .mayOnlyBeAccessedByLayers("Report", "Rollup")
        .whereLayer("Validation")
        .mayOnlyBeAccessedByLayers(
            "Tables", "Unit", "Security", "Report", "Rollup", "Importing", "Checks")
        .whereLayer("Catalogue")
        .mayOnlyBeAccessedByLayers(
            "Validation", "Tables", "Unit", "Security", "Report", "Rollup", "Importing", "Checks")
        .whereLayer("Database")
        .mayOnlyBeAccessedByLayers("Main")
        .whereLayer("Main")
        .mayNotBeAccessedByAnyLayer()
        .check(MAIN);
  }

  @Test
  void commonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.nianbao.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nianbao.catalogue..",
            "org.nianbao.validation..",
            "org.nianbao.tables..",
            "org.nianbao.unit..",
            "org.nianbao.security..",
            "org.nianbao.report..",
            "org.nianbao.rollup..",
            "org.nianbao.importing..",
            "org.nianbao.checks..",
            "org.nianbao.dashboard..",
            "org.nianbao.database..")
        .check(MAIN);
  }

  @Test
  void theBottomIsPure() {
    noClasses()
        .that()
        .resideInAnyPackage("org.nianbao.catalogue..", "org.nianbao.validation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ws.rs..",
            "jakarta.persistence..",
            "jakarta.transaction..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "io.quarkus..",
            "io.vertx..",
            "org.hibernate..",
            "java.sql..",
            "javax.sql..",
            "io.agroal..")
        .because("the catalogue and the rule engine are pure: no HTTP, JPA, Quarkus or JDBC")
        .check(MAIN);
  }

  @Test
  void resourcesDoNotTouchJdbc() {
    noClasses()
        .that()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .or()
        .haveSimpleNameEndingWith("Resource")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
        .because("resources are thin adapters; SQL lives in services and stores")
        .check(MAIN);
  }

  @Test
  void migrationsStandAlone() {
    noClasses()
        .that()
        .resideInAPackage("db.migration..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nianbao..")
        .because("a migration is frozen: it reads its own data and writes with its own SQL")
        .check(MAIN);
  }
}
