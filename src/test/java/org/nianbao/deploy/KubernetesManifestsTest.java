package org.nianbao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every manifest under deploy/kubernetes with the fabric8 Kubernetes model and checks it
 * against the application's configuration: the port, the health paths, the variables the service
 * reads, the image, the non-root user, replicas, the autoscaler's and the disruption budget's
 * targets, the PostgreSQL cluster.
 */
class KubernetesManifestsTest {

  private static final Path KUBERNETES = Path.of("deploy/kubernetes");
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static <T> T read(Path file, Class<T> type) throws IOException {
    return JSON.treeToValue(YAML.readTree(file.toFile()), type);
  }

  private static Properties applicationProperties() throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyFileIsAKubernetesObjectListedByItsKustomization() throws IOException {
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      dirs = walk.filter(p -> Files.exists(p.resolve("kustomization.yaml"))).toList();
    }
    assertThat(dirs)
        .extracting(Path::toString)
        .contains(
            "deploy/kubernetes/base",
            "deploy/kubernetes/overlays/production",
            "deploy/kubernetes/overlays/staging");
    for (Path dir : dirs) {
      JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
      List<String> listed = new ArrayList<>();
      kustomization.path("resources").forEach(r -> listed.add(r.asText()));
      kustomization.path("patches").forEach(r -> listed.add(r.path("path").asText()));
      for (String entry : listed) {
        assertThat(dir.resolve(entry)).as(dir + " lists " + entry).exists();
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          if (file.getFileName().toString().equals("kustomization.yaml")) {
            continue;
          }
          assertThat(listed)
              .as(file + " is used by its kustomization")
              .contains(file.getFileName().toString());
          GenericKubernetesResource resource = read(file, GenericKubernetesResource.class);
          assertThat(resource.getApiVersion()).as(file + " apiVersion").isNotBlank();
          assertThat(resource.getKind()).as(file + " kind").isNotBlank();
          assertThat(resource.getMetadata().getName()).as(file + " name").isNotBlank();
        }
      }
    }
  }

  @Test
  void theDeploymentRunsTheServiceAsConfigured() throws IOException {
    Deployment deployment = read(KUBERNETES.resolve("base/deployment.yaml"), Deployment.class);
    Properties app = applicationProperties();

    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    var pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser())
        .isEqualTo(185L); // the image's user (Dockerfile, Jib)
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());

    Container container = pod.getContainers().get(0);
    assertThat(container.getImage())
        .isEqualTo("nianbao:latest"); // the name the pom's image profile builds
    int port = defaultOf(app.getProperty("quarkus.http.port"), "PORT");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getContainerPort()).isEqualTo(port);
              assertThat(p.getName()).isEqualTo("http");
            });
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    for (var probe :
        List.of(
            container.getStartupProbe(),
            container.getReadinessProbe(),
            container.getLivenessProbe())) {
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    // every variable set is one the service reads; the database and the admin token are always set
    Set<String> read = variablesTheServiceReads(app);
    List<String> names = container.getEnv().stream().map(EnvVar::getName).toList();
    assertThat(names)
        .contains(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "NIANBAO_ADMIN_TOKEN");
    for (String name : names) {
      assertThat(read).as(name + " is read by the service").contains(name);
    }
    EnvVar url =
        container.getEnv().stream()
            .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
            .findFirst()
            .orElseThrow();
    assertThat(url.getValue()).isEqualTo("jdbc:postgresql://nianbao-db-rw:5432/nianbao");

    Quantity request = container.getResources().getRequests().get("memory");
    Quantity limit = container.getResources().getLimits().get("memory");
    // measured RSS under load is below 512 MiB (deploy/README.md): the request covers it, the limit
    // leaves room
    assertThat(Quantity.getAmountInBytes(request).longValue()).isGreaterThanOrEqualTo(512L << 20);
    assertThat(Quantity.getAmountInBytes(limit).longValue())
        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(request).longValue());
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
  }

  @Test
  void serviceAutoscalerAndDisruptionBudgetPointAtTheDeployment() throws IOException {
    Deployment deployment = read(KUBERNETES.resolve("base/deployment.yaml"), Deployment.class);
    Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();

    Service service = read(KUBERNETES.resolve("base/service.yaml"), Service.class);
    assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

    HorizontalPodAutoscaler hpa =
        read(KUBERNETES.resolve("base/hpa.yaml"), HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());

    PodDisruptionBudget pdb = read(KUBERNETES.resolve("base/pdb.yaml"), PodDisruptionBudget.class);
    assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(pdb.getSpec().getMinAvailable().getIntVal())
        .isBetween(1, deployment.getSpec().getReplicas() - 1);
  }

  @Test
  void postgresIsAThreeInstanceCloudNativePgClusterWhoseRwServiceTheServiceWritesTo()
      throws IOException {
    GenericKubernetesResource cluster =
        read(KUBERNETES.resolve("base/postgres-cluster.yaml"), GenericKubernetesResource.class);
    assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
    assertThat(cluster.getKind()).isEqualTo("Cluster");
    assertThat((Integer) cluster.get("spec", "instances")).isEqualTo(3);
    assertThat((String) cluster.get("spec", "bootstrap", "initdb", "database"))
        .isEqualTo("nianbao");
    assertThat((String) cluster.get("spec", "imageName")).endsWith(":17");

    Deployment deployment = read(KUBERNETES.resolve("base/deployment.yaml"), Deployment.class);
    List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    String name = cluster.getMetadata().getName();
    assertThat(env)
        .filteredOn(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).contains("//" + name + "-rw:5432/"));
    assertThat(env)
        .filteredOn(e -> e.getName().startsWith("QUARKUS_DATASOURCE_") && e.getValueFrom() != null)
        .allSatisfy(
            e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(name + "-app"));
  }

  /** QUARKUS_* for any Quarkus property, and every ${NIANBAO_…} named in application.properties. */
  private static Set<String> variablesTheServiceReads(Properties app) {
    Set<String> names =
        app.values().stream()
            .flatMap(
                v -> {
                  Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):").matcher(v.toString());
                  List<String> found = new ArrayList<>();
                  while (m.find()) {
                    found.add(m.group(1));
                  }
                  return found.stream();
                })
            .collect(Collectors.toSet());
    names.add("NIANBAO_ADMIN_TOKEN"); // nianbao.admin-token, read from the environment by name
    names.add("JAVA_TOOL_OPTIONS"); // read by the JVM
    for (String q :
        List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED")) {
      names.add(q);
    }
    return names;
  }

  /** The default of a {@code ${VAR:default}} property whose variable is {@code variable}. */
  private static int defaultOf(String value, String variable) {
    Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(value);
    assertThat(m.matches()).as(value).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
