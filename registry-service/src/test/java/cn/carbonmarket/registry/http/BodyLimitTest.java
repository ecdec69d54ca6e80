package cn.carbonmarket.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KeycloakTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A JSON body is held to 2 MB however it is sent: declared by Content-Length or chunked (no length until it ends).
 * Before the platform's BodyLimit the registry judged the declared length only, so a chunked body passed up to the
 * 1 GB its export uploads need.
 */
@QuarkusTest
class BodyLimitTest {

    private static final Database DB = new Database("registry");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 2 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/v1/parties")
    URI parties;

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAsOneWithItsLengthDeclaredIs() throws Exception {
        long before = DB.count("select count(*) from party");
        byte[] body = registration(LIMIT + 1);

        for (HttpResponse<String> answer : new HttpResponse[] {post(body, true), post(body, false)}) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
        }
        assertThat(DB.count("select count(*) from party")).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheEndpointWhole() throws Exception {
        HttpResponse<String> answer = post(registration(LIMIT - 1024), true);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode party = JSON.readTree(answer.body());
        assertThat(party.path("name").asText()).isEqualTo("Chunked Body Works");
    }

    /**
     * HTTP/2 (here by the cleartext upgrade a first request makes): reads and bodies of a declared length are served
     * as over HTTP/1.1 (before, every HTTP/2 request failed with 500); a body of unknown length is refused with 411.
     */
    @Test
    void overHttp2ABodyDeclaresItsLength() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> missing = http2.send(HttpRequest.newBuilder(parties.resolve("/api/v1/nothing-here"))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(DemoUser.REGULATOR)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);

        HttpResponse<String> declared = post(http2, registration(4096), false);
        assertThat(declared.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(JSON.readTree(declared.body()).path("name").asText()).isEqualTo("Chunked Body Works");

        long before = DB.count("select count(*) from party");
        HttpResponse<String> unknown = post(http2, registration(4096), true);
        assertThat(unknown.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(unknown.statusCode()).isEqualTo(411);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("LENGTH_REQUIRED");
        assertThat(DB.count("select count(*) from party")).isEqualTo(before);
    }

    /** A party registration padded with whitespace (valid JSON) to {@code size} bytes. */
    private static byte[] registration(int size) {
        String json = "{\"name\": \"Chunked Body Works\", \"type\": \"COMPLIANCE_ENTITY\", \"region\": \"HB\","
                + " \"creditCode\": \"" + Identities.creditCode("420100") + "\"}";
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** Chunked: the body comes from a stream of unknown length, so the client sends no Content-Length. */
    private HttpResponse<String> post(byte[] body, boolean chunked) throws Exception {
        return post(HTTP, body, chunked);
    }

    private HttpResponse<String> post(HttpClient http, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(parties).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(DemoUser.REGULATOR))
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}
