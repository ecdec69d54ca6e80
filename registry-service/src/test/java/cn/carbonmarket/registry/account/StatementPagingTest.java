package cn.carbonmarket.registry.account;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An account statement's paging parameters are checked (400 per field), and a page far beyond the end is an empty
 * page, not an overflowed offset the database refuses.
 */
@QuarkusTest
class StatementPagingTest {

    private static final String STATEMENT = "/api/v1/accounts/NATIONAL_ISSUANCE-CN/transactions";

    @Test
    void pagingOutOfRangeIsRefusedFieldByField() {
        for (String format : new String[] {"", ".csv"}) {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("page", -1)
                    .when().get(STATEMENT + format)
                    .then().statusCode(400).body("errors.field", hasItem(equalTo("page")));
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("size", 0)
                    .when().get(STATEMENT + format)
                    .then().statusCode(400).body("errors.field", hasItem(equalTo("size")));
        }
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() {
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .when().get(STATEMENT)
                .then().statusCode(200).body("$", empty());
    }
}
