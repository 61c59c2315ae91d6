package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchKeysTest {
    private final MatchKeys keys = MatchKeys.standard();

    @Nested
    class Company_names {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Acme                              | acme
                ACME Inc.                         | acme
                Acme, Inc                         | acme
                Acme Incorporated                 | acme
                Acme LLC                          | acme
                Acme Corp.                        | acme
                Acme Corporation                  | acme
                Acme Co.                          | acme
                Acme & Co.                        | acme
                Acme and Company                  | acme
                Acme Ltd                          | acme
                Acme Limited                      | acme
                Acme Pty. Ltd.                    | acme
                Acme Pvt. Ltd.                    | acme
                Acme plc                          | acme
                Acme GmbH                         | acme
                Acme GmbH & Co. KG                | acme
                Acme AG                           | acme
                Acme SA                           | acme
                Acme S.A.S.                       | acme
                Acme SARL                         | acme
                Acme B.V.                         | acme
                Acme N.V.                         | acme
                Acme S.p.A.                       | acme
                Acme S.r.l.                       | acme
                Acme K.K.                         | acme
                Acme Co., Ltd.                    | acme
                Acme Oy                           | acme
                Acme AB                           | acme
                Acme A/S                          | acme
                Acme S.A. de C.V.                 | acme
                Acme Sdn Bhd                      | acme
                The Acme Company                  | acme
                Acme (UK) Ltd                     | acme
                Acme Corp (formerly Foo Inc)      | acme
                Blue Harbor Foods Ltd             | blueharborfoods
                Blue-Harbor Foods                 | blueharborfoods
                North Wind                        | northwind
                Northwind                         | northwind
                Müller Bau GmbH                   | mullerbau
                MÜLLER-BAU                        | mullerbau
                Société Générale S.A.             | societegenerale
                Café Crème SARL                   | cafecreme
                Straße Werke AG                   | strassewerke
                Øresund Æble ApS                  | oresundaeble
                Łódź Tech                         | lodztech
                O'Brien & Sons                    | obrienandsons
                A.C.M.E. Corp                     | acme
                AT&T Inc.                         | atandt
                AT and T                          | atandt
                Johnson & Johnson                 | johnsonandjohnson
                3M Company                        | 3m
                ＡＣＭＥ　Ｉｎｃ                     | acme
                Groupe Renault                    | grouperenault
                """)
        void legal_forms_case_accents_and_punctuation_do_not_count(String raw, String expected) {
            assertThat(keys.name(raw)).isEqualTo(KeyResult.of(expected, KeyReason.NAME));
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
                NULL          | BLANK
                ''            | BLANK
                '   '         | BLANK
                '---'         | BLANK
                n/a           | PLACEHOLDER
                N/A           | PLACEHOLDER
                Unknown       | PLACEHOLDER
                none          | PLACEHOLDER
                [not provided]| PLACEHOLDER
                Self-employed | PLACEHOLDER
                Inc.          | ONLY_LEGAL_FORM
                GmbH & Co. KG | ONLY_LEGAL_FORM
                The Co.       | ONLY_LEGAL_FORM
                """)
        void blanks_placeholders_and_bare_legal_forms_give_no_key(String raw, KeyReason reason) {
            assertThat(keys.name(raw)).isEqualTo(KeyResult.none(reason));
        }

        @Test
        void a_legal_form_word_inside_a_name_stays() {
            assertThat(keys.name("Co-operative Bank").keyOrNull()).isEqualTo("cooperativebank");
            assertThat(keys.name("Limited Brands Inc").keyOrNull()).isEqualTo("limitedbrands");
            assertThat(keys.name("AG Barr plc").keyOrNull()).isEqualTo("agbarr");
        }
    }

    @Nested
    class Record_keys {
        @Test
        void the_website_wins_over_the_email() {
            RecordKeys k = keys.keys("https://www.acme.com", "jane@acme-mail.de", "Acme Inc");
            assertThat(k.domain()).isEqualTo(KeyResult.of("acme.com", KeyReason.WEBSITE));
            assertThat(k.name()).isEqualTo(KeyResult.of("acme", KeyReason.NAME));
        }

        @Test
        void a_lead_without_a_usable_website_is_keyed_by_its_email() {
            assertThat(keys.keys("n/a", "jane@uk.acme.co.uk", null).domain()).isEqualTo(KeyResult.of("acme.co.uk", KeyReason.EMAIL));
            assertThat(keys.keys(null, "jane@acme.com", null).domain()).isEqualTo(KeyResult.of("acme.com", KeyReason.EMAIL));
        }

        @Test
        void without_any_key_the_more_telling_reason_is_reported() {
            assertThat(keys.keys(null, "jane@gmail.com", "Acme").domain()).isEqualTo(KeyResult.none(KeyReason.PERSONAL_DOMAIN));
            assertThat(keys.keys("n/a", "jane@gmail.com", "Acme").domain()).isEqualTo(KeyResult.none(KeyReason.PLACEHOLDER));
            assertThat(keys.keys(null, null, null).domain()).isEqualTo(KeyResult.none(KeyReason.BLANK));
        }

        @Test
        void a_key_result_cannot_contradict_its_reason() {
            assertThatThrownBy(() -> new KeyResult(Optional.of("acme.com"), KeyReason.BLANK))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyResult(Optional.empty(), KeyReason.WEBSITE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Decisions {
        private RecordKeys rec(String website, String name) {
            return keys.keys(website, null, name);
        }

        @Test
        void the_same_registrable_domain_matches_on_domain_evidence() {
            MatchDecision d = keys.decide(rec("https://www.acme.com/en", "Acme"), rec("ACME.COM.", "Acme Corporation"), false);
            assertThat(d.match()).isTrue();
            assertThat(d.evidence()).isEqualTo(Evidence.DOMAIN);
            assertThat(d.reasons()).containsExactly("both records have the registrable domain acme.com");
        }

        @Test
        void differing_domains_never_match_even_with_the_same_name_and_name_matching_on() {
            MatchDecision d = keys.decide(rec("acme.com", "Acme Inc"), rec("acme.de", "Acme GmbH"), true);
            assertThat(d.match()).isFalse();
            assertThat(d.evidence()).isEqualTo(Evidence.NONE);
            assertThat(d.reasons()).anyMatch(r -> r.contains("acme.com and acme.de"))
                    .anyMatch(r -> r.contains("never overrides"));
        }

        @Test
        void a_name_alone_matches_only_when_name_matching_is_on() {
            RecordKeys a = rec(null, "Blue Harbor Foods Ltd");
            RecordKeys b = rec("acme.github.io", "Blue-Harbor Foods");
            MatchDecision off = keys.decide(a, b, false);
            assertThat(off.match()).isFalse();
            assertThat(off.reasons()).anyMatch(r -> r.contains("record A has no domain key: no value"))
                    .anyMatch(r -> r.contains("name matching is off"));
            MatchDecision on = keys.decide(a, b, true);
            assertThat(on.match()).isTrue();
            assertThat(on.evidence()).isEqualTo(Evidence.NAME);
        }

        @Test
        void personal_email_domains_never_make_two_leads_match() {
            MatchDecision d = keys.decide(keys.keys(null, "jane@gmail.com", null), keys.keys(null, "bob@gmail.com", null), true);
            assertThat(d.match()).isFalse();
            assertThat(d.reasons()).anyMatch(r -> r.contains("personal email provider"));
        }

        @Test
        void different_names_without_domains_do_not_match() {
            MatchDecision d = keys.decide(rec("n/a", "Acme"), rec("", "Globex"), true);
            assertThat(d.match()).isFalse();
            assertThat(d.reasons()).anyMatch(r -> r.contains("the names differ: acme and globex"));
        }

        @Test
        void a_decision_cannot_match_without_evidence() {
            assertThatThrownBy(() -> new MatchDecision(true, Evidence.NONE, java.util.List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Idn {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                straße              | strae-oqa
                müller-bau          | mller-bau-q9a
                例え                 | r8jz45g
                ليهمابتكلموشعربي؟     | egbpdaj6bu4bxfgehfvwxn
                他们为什么不说中文      | ihqwcrb4cv8a8dqg056pqjye
                bücher              | bcher-kva
                ελληνικάς           | hxargifdar2c
                ñandú               | and-6ma2c
                """)
        void punycode_follows_rfc_3492(String label, String expected) {
            assertThat(Idna.encode(label)).isEqualTo(expected);
        }

        @Test
        void deviation_letters_are_kept_as_idna_2008_registries_have_them() {
            assertThat(keys.website("https://www.Straße.de/").keyOrNull()).isEqualTo("xn--strae-oqa.de");
            assertThat(keys.website("xn--strae-oqa.de").keyOrNull()).isEqualTo("xn--strae-oqa.de");
            assertThat(keys.website("strasse.de").keyOrNull()).isEqualTo("strasse.de");
            assertThat(keys.email("jürgen@größe.de").keyOrNull()).isEqualTo("xn--gre-6ka8i.de");
        }
    }

    @Nested
    class Lists {
        @Test
        void the_personal_email_list_has_at_least_50_providers_and_matches_them_in_any_country() {
            assertThat(DomainList.load("/matching/personal-email-domains.txt").size()).isGreaterThanOrEqualTo(50);
            assertThat(keys.email("a@hotmail.es").reason()).isEqualTo(KeyReason.PERSONAL_DOMAIN);
            assertThat(keys.email("a@yahoo.com.au").reason()).isEqualTo(KeyReason.PERSONAL_DOMAIN);
            assertThat(keys.email("a@notyahoo.com").reason()).isEqualTo(KeyReason.EMAIL);
            assertThat(keys.email("a@yahoo.acme.com").reason()).isEqualTo(KeyReason.EMAIL);
        }
    }
}
