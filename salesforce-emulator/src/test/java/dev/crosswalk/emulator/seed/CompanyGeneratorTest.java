package dev.crosswalk.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.model.StandardSchema;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompanyGeneratorTest {

    @Nested
    class Determinism {
        @Test
        void the_same_seed_gives_the_same_companies() {
            CompanyGenerator a = new CompanyGenerator(42);
            CompanyGenerator b = new CompanyGenerator(42);
            for (int i = 0; i < 500; i++) {
                assertThat(a.company(i)).isEqualTo(b.company(i));
            }
        }

        @Test
        void another_seed_gives_other_companies() {
            CompanyGenerator a = new CompanyGenerator(42);
            CompanyGenerator b = new CompanyGenerator(43);
            long same = IntStream.range(0, 500).filter(i -> a.company(i).domain().equals(b.company(i).domain())).count();
            assertThat(same).isLessThan(5);
        }

        @Test
        void domain_alone_agrees_with_the_full_company() {
            CompanyGenerator g = new CompanyGenerator(7);
            for (int i = 0; i < 2_000; i++) {
                assertThat(g.domain(i)).isEqualTo(g.company(i).domain());
            }
        }
    }

    @Test
    void domains_are_unique_across_a_large_sample() {
        CompanyGenerator g = new CompanyGenerator(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            assertThat(seen.add(g.domain(i))).as("duplicate domain at %d", i).isTrue();
        }
    }

    @Test
    void the_capacity_allows_benchmark_sizes_and_is_enforced() {
        CompanyGenerator g = new CompanyGenerator(1);
        assertThat(g.capacity()).isGreaterThan(10_000_000L);
        assertThat(g.domain(g.capacity() - 1)).isNotBlank();
        assertThatThrownBy(() -> g.company(g.capacity())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void companies_look_real_and_use_the_standard_picklists() {
        var companies = new CompanyGenerator(3).companies(5_000);
        assertThat(companies).allSatisfy(c -> {
            assertThat(c.name()).startsWith(c.brand());
            assertThat(c.domain()).isEqualTo(c.domain().toLowerCase()).doesNotContain(" ").contains(".");
            assertThat(StandardSchema.INDUSTRIES).contains(c.industry());
            assertThat(c.country()).isNotBlank();
            assertThat(c.city()).isNotBlank();
        });
        Set<String> suffixes = companies.stream()
                .map(c -> Words.PUBLIC_SUFFIXES.stream().filter(s -> c.domain().endsWith("." + s))
                        .max((x, y) -> x.length() - y.length()).orElseThrow())
                .collect(Collectors.toSet());
        assertThat(suffixes).contains("com", "io", "net", "co.uk", "de", "fr", "com.au", "co.jp");
        assertThat(companies).anySatisfy(c -> assertThat(c.idn()).isTrue());
        assertThat(companies.stream().filter(Company::idn).count()).isLessThan(companies.size() / 10);
        assertThat(companies).anySatisfy(c -> assertThat(c.name()).endsWith(" Ltd"));
        assertThat(companies).anySatisfy(c -> assertThat(c.name()).endsWith(" GmbH"));
    }

    @Test
    void german_companies_use_german_domains_and_legal_forms() {
        var companies = new CompanyGenerator(5).companies(3_000);
        assertThat(companies.stream().filter(c -> c.domain().endsWith(".de")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.country()).isEqualTo("Germany"));
    }
}
