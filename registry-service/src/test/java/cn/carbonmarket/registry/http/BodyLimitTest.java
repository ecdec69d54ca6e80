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

    /** A party registration padded with whitespace (valid JSON) to {@code size} bytes. */
    private static byte[] registration(int size) {
        String json = "{\"name\": \"Chunked Body Works\", \"type\": \"COMPLIANCE_ENTITY\", \"region\": \"HB\","
                + " \"creditCode\": \"" + Identities.creditCode("420100") + "\"}";
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** Chunked: the body comes from a stream of unknown length, so the client sends no Content-Length. */
    private HttpResponse<String> post(byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return HTTP.send(HttpRequest.newBuilder(parties).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(DemoUser.REGULATOR))
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}
