package dev.centaur.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void entriesLiveForTheirTtlAndNoLonger() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, now::get);
        cache.put("t", "admin", 100);
        now.set(99);
        assertEquals(Optional.of("admin"), cache.get("t"));
        now.set(100);
        assertEquals(Optional.empty(), cache.get("t"));
        assertEquals(0, cache.size());
    }

    @Test
    void invalidateForgetsAtOnceAndAFullCacheStartsOver() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(2, now::get);
        cache.put("a", 1, 100);
        cache.invalidate("a");
        assertEquals(Optional.empty(), cache.get("a"));
        cache.put("a", 1, 100);
        cache.put("b", 2, 100);
        cache.put("c", 3, 100);
        assertEquals(Optional.empty(), cache.get("a"));
        assertEquals(Optional.of(3), cache.get("c"));
    }
}
