package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Publishing calendar: editions (daily or weekly, weeks starting on Monday) and the monthly archive. */
final class Editions {
    private Editions() {
    }

    /** The first day of the edition a dated article appears in. */
    static LocalDate editionStart(Article article, SiteConfig.Edition kind) {
        LocalDate day = article.date().toLocalDate();
        // The Monday on or before the day (what TemporalAdjusters.previousOrSame(MONDAY) gives, without its lambda per call).
        return kind == SiteConfig.Edition.DAILY ? day : day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The archive month of a dated article. */
    static YearMonth month(Article article) {
        return YearMonth.of(article.date().getYear(), article.date().getMonthValue());
    }

    /**
     * The edition starting on {@code start}.
     *
     * @param members its articles, newest first
     * @param storyOf each article's story, by slug, for grouping within the edition
     */
    static Edition edition(LocalDate start, List<Article> members, SiteConfig.Edition kind, Map<String, Story> storyOf) {
        Map<String, List<Article>> groups = new LinkedHashMap<>();
        Map<String, Story> stories = new LinkedHashMap<>();
        for (Article a : members) {
            Story story = storyOf.get(a.slug());
            String key = story == null ? "article:" + a.slug() : "story:" + story.slug();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            if (story != null) {
                stories.put(key, story);
            }
        }
        List<Edition.Group> list = new ArrayList<>();
        groups.forEach((key, group) -> list.add(new Edition.Group(stories.get(key), group)));
        LocalDate end = kind == SiteConfig.Edition.DAILY ? start : start.plusDays(6);
        return new Edition(start.toString(), start, end, list);
    }
}
