package com.exchangesync.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.SigningKeyPair;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifest in {@code deploy/kubernetes}: three replicas, the probes on the worker's health routes,
 * secrets as files from a Secret volume (under names the worker reads), limits that hold the heap target, a
 * locked-down container and a disruption budget that matches the pods.
 */
class KubernetesManifestTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path DIR = Path.of(System.getProperty("exsync.project.root", "../..")).resolve("deploy/kubernetes");
  private static final String SECRETS = "/var/run/secrets/exsync";

  @TempDir
  Path dir;

  private static JsonNode read(String file) throws IOException {
    return YAML.readTree(DIR.resolve(file).toFile());
  }

  private static JsonNode worker() throws IOException {
    return read("deployment.yaml").at("/spec/template/spec/containers/0");
  }

  @Test
  void kustomizeAppliesTheDeployment_itsBudget_andItsService_withTheConfigFromConfigEnv() throws IOException {
    JsonNode k = read("kustomization.yaml");
    List<String> resources = new ArrayList<>();
    k.get("resources").forEach(r -> resources.add(r.asText()));
    assertThat(resources).containsExactlyInAnyOrder("deployment.yaml", "pod-disruption-budget.yaml", "service.yaml");
    assertThat(k.at("/configMapGenerator/0/name").asText()).isEqualTo("exsync-worker");
    assertThat(k.at("/configMapGenerator/0/envs/0").asText()).isEqualTo("config.env");
    assertThat(worker().at("/envFrom/0/configMapRef/name").asText()).isEqualTo("exsync-worker");
  }

  @Test
  void threeReplicas_probedOnTheHealthRoutes_atThePortTheWorkerListensOn() throws IOException {
    JsonNode d = read("deployment.yaml");
    assertThat(d.at("/kind").asText()).isEqualTo("Deployment");
    assertThat(d.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode c = worker();
    assertThat(c.at("/ports/0/name").asText()).isEqualTo("http");
    assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(env(c)).containsEntry("EXSYNC_HTTP_PORT", "8080");
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(c.at("/env").findValuesAsText("fieldPath")).as("the pod's name is the worker's id").contains("metadata.name");
  }

  @Test
  void secretsAreFilesFromTheSecretVolume_neverValuesInTheEnvironment() throws IOException {
    JsonNode d = read("deployment.yaml");
    JsonNode c = worker();
    JsonNode mount = find(c.get("volumeMounts"), "name", "secrets");
    assertThat(mount.get("mountPath").asText()).isEqualTo(SECRETS);
    assertThat(mount.get("readOnly").asBoolean()).isTrue();
    JsonNode volume = find(d.at("/spec/template/spec/volumes"), "name", "secrets");
    assertThat(volume.at("/secret/secretName").asText()).isEqualTo("exsync-worker");
    assertThat(volume.at("/secret/defaultMode").asInt()).as("readable by the worker's group only").isEqualTo(0440);
    Map<String, String> env = env(c);
    assertThat(env).containsEntry("EXSYNC_DATABASE_URL_FILE", SECRETS + "/database-url")
        .containsEntry("EXSYNC_OUTBOUND_TOKEN_FILE", SECRETS + "/outbound-token")
        .containsEntry("EXSYNC_SF_PRIVATE_KEY_FILE", SECRETS + "/sf-private-key")
        .doesNotContainKeys("EXSYNC_DATABASE_URL", "EXSYNC_OUTBOUND_TOKEN", "EXSYNC_SF_CLIENT_SECRET",
            "EXSYNC_GRAPH_CLIENT_SECRET");
    assertThat(c.at("/env").findValues("secretKeyRef")).as("no secret read into the environment").isEmpty();
  }

  @Test
  void theWorkerAcceptsTheManifestsEnvironment_onceTheSecretFilesAndTheSiteSettingsAreThere() throws Exception {
    // The manifest's variables and config.env, the Secret's files written where the pod would mount them (here a
    // temporary directory), and the two settings config.env leaves for the site: the worker must start with these.
    Map<String, String> env = new HashMap<>(env(worker()));
    for (String line : Files.readAllLines(DIR.resolve("config.env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    env.put("EXSYNC_WORKER_ID", "exsync-worker-7d4b9c6f5-x2x9q");
    env.put("EXSYNC_SF_CLIENT_ID", "3MVG9consumerKey");
    env.put("EXSYNC_SF_USERNAME", "integration@example.com");
    Path secrets = dir.resolve("secrets");
    Files.createDirectories(secrets);
    Files.writeString(secrets.resolve("database-url"), "postgresql://exsync:pw@db:5432/exsync\n");
    Files.writeString(secrets.resolve("outbound-token"), "0123456789abcdef0123456789abcdef\n");
    SigningKeyPair.generate("manifest test").writePrivateKey(secrets.resolve("sf-private-key"));
    env.replaceAll((name, value) -> value.startsWith(SECRETS + "/") ? secrets.resolve(value.substring(SECRETS.length() + 1))
        .toString() : value);
    WorkerConfig config = WorkerConfigReader.read(env);
    assertThat(config.databaseUrl()).isEqualTo("postgresql://exsync:pw@db:5432/exsync");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.workerId()).isEqualTo("exsync-worker-7d4b9c6f5-x2x9q");
    assertThat(config.salesforceNamespace()).isEqualTo("exsync");
  }

  @Test
  void theLimitsHoldTheHeapTarget_andTheContainerIsLockedDown() throws IOException {
    JsonNode d = read("deployment.yaml");
    JsonNode c = worker();
    long limit = mebibytes(c.at("/resources/limits/memory").asText());
    assertThat(mebibytes(c.at("/resources/requests/memory").asText())).isEqualTo(limit);
    assertThat(c.at("/resources/limits/cpu").asText()).isNotBlank();
    assertThat(c.at("/resources/requests/cpu").asText()).isNotBlank();
    // The image's entrypoint gives the heap half the limit (-XX:MaxRAMPercentage=50, ContainerImageCheck).
    assertThat(limit * 50 / 100).as("heap at most 256 MB for 10,000 quiet mailboxes").isEqualTo(256);
    JsonNode pod = d.at("/spec/template/spec/securityContext");
    assertThat(pod.get("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.get("runAsUser").asInt()).isEqualTo(65532);
    assertThat(pod.get("fsGroup").asInt()).as("the Secret's files belong to the worker's group").isEqualTo(65532);
    JsonNode sc = c.get("securityContext");
    assertThat(sc.get("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.get("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(sc.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(find(c.get("volumeMounts"), "name", "tmp").get("mountPath").asText()).isEqualTo("/tmp");
    assertThat(find(d.at("/spec/template/spec/volumes"), "name", "tmp").has("emptyDir")).isTrue();
    assertThat(d.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).as("time to give the mailboxes back")
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void theDisruptionBudget_andTheService_selectTheWorkersPods() throws IOException {
    JsonNode d = read("deployment.yaml");
    JsonNode labels = d.at("/spec/template/metadata/labels");
    assertThat(d.at("/spec/selector/matchLabels")).isEqualTo(labels);
    JsonNode pdb = read("pod-disruption-budget.yaml");
    assertThat(pdb.at("/kind").asText()).isEqualTo("PodDisruptionBudget");
    assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(labels);
    JsonNode service = read("service.yaml");
    assertThat(service.at("/spec/selector")).isEqualTo(labels);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
  }

  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.get("env").forEach(e -> {
      if (e.has("value")) {
        env.put(e.get("name").asText(), e.get("value").asText());
      }
    });
    return env;
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no entry with " + field + "=" + value + " in " + list);
  }

  private static long mebibytes(String quantity) {
    assertThat(quantity).matches("\\d+(Mi|Gi)");
    long n = Long.parseLong(quantity.replaceAll("\\D", ""));
    return quantity.endsWith("Gi") ? n * 1024 : n;
  }
}
