package io.restorejobcanceller.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under jobs/kubernetes read into fabric8's typed Kubernetes model, refusing any field the model does
 * not know (its classes keep unknown fields in a map; that is switched off here), and what the CronJob must say.
 */
class KubernetesManifestTest {

    private static final Path MANIFESTS = Path.of("jobs/kubernetes");
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return false; // fabric8's @JsonAnySetter would take a misspelt field in silently
                }
            });

    /** The kinds jobs/kubernetes may hold (the model has no registry of its own without the client). */
    private static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "batch/v1 CronJob", CronJob.class,
            "v1 PersistentVolumeClaim", PersistentVolumeClaim.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class);

    @Test
    void everyManifestIsValidKubernetesAndHoldsNoSecret() throws IOException {
        // when
        List<KubernetesResource> resources = allManifests();

        // then
        assertThat(resources).isNotEmpty().allSatisfy(resource ->
                assertThat(resource).isNotInstanceOf(Secret.class)); // applying one blanks the operator's
        assertThat(resources).filteredOn(CronJob.class::isInstance).hasSize(1);
    }

    @Test
    void aMisspeltFieldIsRefused() {
        String misspelt = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  schedule: "0 2 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: x
                              securityContxt: {readOnlyRootFilesystem: true}
                """;

        assertThatThrownBy(() -> parse(misspelt)).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("securityContxt");
    }

    @Test
    void theCronJobNeverOverlapsAndRetriesOnlyWhatARestartResumes() throws IOException {
        // when
        CronJob cronJob = cronJob();
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();

        // then
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isPositive();
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isPositive();
        assertThat(job.getBackoffLimit()).isBetween(1, 5);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        PodFailurePolicyRule failJob = job.getPodFailurePolicy().getRules().stream()
                .filter(rule -> rule.getAction().equals("FailJob")).findFirst().orElseThrow();
        assertThat(failJob.getOnExitCodes().getOperator()).isEqualTo("In");
        assertThat(failJob.getOnExitCodes().getValues()).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(failJob.getOnExitCodes().getContainerName()).isEqualTo(container(cronJob).getName());
    }

    @Test
    void theCronJobReadsCredentialsAndTheDatasourceFromSecretsTheOperatorCreates() throws IOException {
        // when
        Map<String, EnvVar> env = container(cronJob()).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, variable -> variable));

        // then
        for (String name : List.of(AtlasCredentials.CLIENT_ID, AtlasCredentials.CLIENT_SECRET, "SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            assertThat(env.get(name)).as(name).isNotNull();
            assertThat(env.get(name).getValue()).as(name).isNull();
            assertThat(env.get(name).getValueFrom().getSecretKeyRef().getName()).as(name).isNotBlank();
        }
    }

    @Test
    void theCronJobRunsUnprivilegedOnAReadOnlyRootAsTheImagesUser() throws IOException {
        // given
        Matcher imageUser = Pattern.compile("<user>(\\d+):(\\d+)</user>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(imageUser.find()).as("the image's numeric user in pom.xml").isTrue();

        // when
        CronJob cronJob = cronJob();
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container container = container(cronJob);

        // then
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(imageUser.group(1)));
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(Long.parseLong(imageUser.group(2)));
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/tmp", "/data");
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue()).isBetween(600L << 20, 1L << 30);
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    private static CronJob cronJob() throws IOException {
        return allManifests().stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst().orElseThrow();
    }

    private static Container container(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<KubernetesResource> allManifests() throws IOException {
        List<KubernetesResource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(parse(Files.readString(file)));
            }
        }
        return resources;
    }

    private static List<KubernetesResource> parse(String yaml) throws IOException {
        List<KubernetesResource> resources = new ArrayList<>();
        for (JsonNode document : STRICT.readerFor(JsonNode.class).readValues(yaml).readAll().stream()
                .map(JsonNode.class::cast).filter(node -> !node.isNull() && !node.isMissingNode()).toList()) {
            String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
            assertThat(KINDS).as("a kind this test knows").containsKey(kind);
            resources.add(STRICT.treeToValue(document, KINDS.get(kind)));
        }
        return resources;
    }
}
