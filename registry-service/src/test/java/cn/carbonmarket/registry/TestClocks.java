package cn.carbonmarket.registry;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the platform's default wall clock bean in the registry's tests with a {@link TestClock}. */
public class TestClocks {

    @Produces
    @Singleton
    TestClock clock() {
        return TestClock.followingTheWallClock();
    }
}
