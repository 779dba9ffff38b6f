package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dialplane.media.api.MediaUse;
import org.junit.jupiter.api.Test;

class MediaRepositoryTest {

    @Test
    void whenSeveralMediaAreInUse_thenTheMessageNamesEachUserOncePerMedia() {
        String detail = MediaRepository.inUse(List.of(new MediaUse("13", "queue 401 (Support)"),
                new MediaUse("12", "ring group 600 (Sales)"), new MediaUse("12", "ring group 600 (Sales)"),
                new MediaUse("12", "IVR 3 (Main)")));
        assertEquals("Media file 12 is used by ring group 600 (Sales), IVR 3 (Main); media file 13 is used by queue"
                + " 401 (Support). Nothing was deleted.", detail);
    }

    @Test
    void whenIssabelJoinedSeveralSounds_thenTheFirstIsPlayed() {
        MediaRepository.Stored joined = new MediaRepository.Stored("5", "Intro", "custom/a&custom/b");
        assertTrue(joined.severalSounds());
        assertEquals("custom/a", joined.sound());
        MediaRepository.Stored single = new MediaRepository.Stored("6", "Beep", "custom/beep");
        assertFalse(single.severalSounds());
        assertEquals("custom/beep", single.sound());
    }
}
