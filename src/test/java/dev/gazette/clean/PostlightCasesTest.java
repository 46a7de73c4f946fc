package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the expected fields out of a Postlight-style test file (made-up text, same shapes). */
class PostlightCasesTest {
    private static final String TEST = """
            beforeAll(() => {
              const html = fs.readFileSync('./fixtures/example.org.html');
            });
            it('returns the title', async () => {
              const { title } = await result;
              assert.equal(
                title,
                'A Ferry\\'s First Winter ' +
                  "on the Sound"
              );
            });
            it('returns the author', async () => {
              assert.equal(author, `Jane\\xa0Doe`);
            });
            it('returns the date_published', async () => {
              assert.equal(date_published, null);
            });
            it('works with another page', async () => {
              const html = fs.readFileSync('./fixtures/example.org--other.html');
              assert.equal(date_published, '2020-01-02T03:04:05.000Z');
            });
            """;

    @Test
    void readsJoinedAndEscapedLiteralsOfTheFirstFixturesTest() {
        String first = TEST.substring(0, TEST.indexOf("works with another page"));
        assertThat(PostlightCases.expected(first, "title")).isEqualTo("A Ferry's First Winter on the Sound");
        assertThat(PostlightCases.expected(first, "author")).isEqualTo("Jane\u00a0Doe");
    }

    @Test
    void aFieldAssertedNullOrNotAssertedIsNoTruth() {
        String first = TEST.substring(0, TEST.indexOf("works with another page"));
        assertThat(PostlightCases.expected(first, "date_published")).isNull();
        assertThat(PostlightCases.expected("assert.equal(dek, 'x');", "title")).isNull();
    }
}
