package org.dialplane.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.media.api.MediaChange;
import org.dialplane.media.api.MediaFile;
import org.dialplane.media.api.MediaService;
import org.dialplane.media.api.MediaUsage;
import org.dialplane.media.api.MediaUse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The media service: metadata through the repository, audio through {@link AudioConverter} and
 * {@link SoundFiles}. An upload is copied into the sound's folder under a temporary name (counted against the
 * limit), converted into a second temporary file there, and only then moved over the old audio: a refused or
 * failed upload leaves the old audio as it was. Media needs no apply of the PBX configuration, so writes have no
 * notifier: what follows a commit is deleting the files of deleted media, best effort. Public only because DS
 * instantiates it; its package is not exported.
 */
@Component(service = MediaService.class, configurationPid = MediaConfig.PID)
@Designate(ocd = MediaConfig.class)
public class MediaServiceImpl implements MediaService {
    private final MediaRepository repository;
    private final SoundFiles files;
    private final AudioConverter converter = new AudioConverter(MAX_SECONDS);
    private volatile long maxUploadBytes;

    /** Other bundles' users of media (response paths...), asked before a delete. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<MediaUsage> usages = List.of();

    @Activate
    public MediaServiceImpl(@Reference Database database, @Reference AsteriskPaths paths, MediaConfig config) {
        this(new MediaRepository(new Jdbc(database.pbx())), new SoundFiles(paths::sounds), config);
    }

    MediaServiceImpl(MediaRepository repository, SoundFiles files, MediaConfig config) {
        this.repository = repository;
        this.files = files;
        modified(config);
    }

    @Modified
    void modified(MediaConfig config) {
        maxUploadBytes = config.max_upload_bytes();
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, MediaFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        return Crud.get(ids, query, i -> repository.findByIds(i, query, caller), MediaRepository.NOUN);
    }

    @Override
    public MediaChange change(Map<String, ?> fields, boolean creating) {
        return MediaFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(MediaChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        MediaChange checked = MediaFields.validate(change, true);
        return repository.create(checked, caller, id -> SoundFiles.soundOf(caller.tenantCode(), id));
    }

    @Override
    public boolean save(String id, MediaChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        MediaChange checked = MediaFields.validate(change, false);
        String number = Ids.parseOne(id, Ids.NUMERIC);
        if (number.length() > 10 || Long.parseLong(number) > Integer.MAX_VALUE) {
            // IssabelPBX's recordings.id is an INT: beyond it a PUT could only fail in the database (a 500 before).
            throw ApiException.badRequest("Media id " + number + " is beyond " + Integer.MAX_VALUE);
        }
        return repository.save(number, checked, caller,
                newId -> SoundFiles.soundOf(caller.tenantCode(), newId)).created();
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        List<MediaRepository.Stored> deleted = repository.delete(ids, caller, this::usesElsewhere);
        for (MediaRepository.Stored media : deleted) {
            // Only Dialplane's own files: IssabelPBX lets several recordings share a sound, which may live on.
            if (media.filename().endsWith("/media-" + media.id())) {
                files.delete(media.filename());
            }
        }
    }

    @Override
    public Optional<MediaFile> find(String id, Caller caller) {
        if (id == null || !Ids.NUMERIC.matcher(id).matches()) {
            return Optional.empty();
        }
        return repository.stored(id, caller).map(m -> new MediaFile(m.id(), m.name(), m.sound()));
    }

    @Override
    public Path audioFile(String id, Caller caller) {
        MediaRepository.Stored media = stored(id, caller);
        return files.find(media.sound())
                .orElseThrow(() -> ApiException.notFound("Media file " + media.id() + " has no audio yet"));
    }

    @Override
    public String create(MediaChange change, InputStream audio, Caller caller) {
        caller.requireWriter();
        MediaChange checked = MediaFields.validate(change, true);
        // Converted first, in the tenant's folder, so that a refused upload creates nothing.
        Path converted = converted(SoundFiles.soundOf(caller.tenantCode(), "0"), audio);
        try {
            String id = repository.create(checked, caller, newId -> SoundFiles.soundOf(caller.tenantCode(), newId));
            files.install(converted, SoundFiles.soundOf(caller.tenantCode(), id));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SoundFiles.deleteQuietly(converted);
        }
    }

    @Override
    public void replaceAudio(String id, InputStream audio, Caller caller) {
        caller.requireWriter();
        MediaRepository.Stored media = stored(id, caller);
        if (media.severalSounds()) {
            throw ApiException.conflict("Media file " + media.id() + " plays several sound files ("
                    + media.filename() + "), as IssabelPBX's System Recordings made it; change it there");
        }
        if (!SoundFiles.usable(media.sound())) {
            throw ApiException.conflict("Media file " + media.id() + " plays '" + media.sound()
                    + "', which is not a sound under custom/ that Dialplane may write");
        }
        Path converted = converted(media.sound(), audio);
        try {
            files.install(converted, media.sound());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SoundFiles.deleteQuietly(converted);
        }
        if (repository.stored(media.id(), caller).isEmpty() && media.filename().endsWith("/media-" + media.id())) {
            files.delete(media.sound()); // deleted while this upload was converted: leave no file behind
        }
    }

    /** The upload, counted against the limit, copied and converted in the folder of {@code sound}. */
    private Path converted(String sound, InputStream audio) {
        Path upload = null;
        Path converted = null;
        try {
            upload = files.temporary(sound);
            converted = files.temporary(sound);
            try (OutputStream out = Files.newOutputStream(upload)) {
                new UploadLimit(audio, maxUploadBytes).transferTo(out);
            }
            converter.convert(upload, converted);
            return converted;
        } catch (IOException e) {
            SoundFiles.deleteQuietly(converted);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            SoundFiles.deleteQuietly(converted);
            throw e;
        } finally {
            SoundFiles.deleteQuietly(upload);
        }
    }

    private MediaRepository.Stored stored(String id, Caller caller) {
        return (id != null && Ids.NUMERIC.matcher(id).matches() ? repository.stored(id, caller) : Optional
                .<MediaRepository.Stored>empty())
                .orElseThrow(() -> ApiException.notFound("No " + MediaRepository.NOUN + " " + id));
    }

    /** The uses the registered {@link MediaUsage} services report. */
    private List<MediaUse> usesElsewhere(Collection<String> ids) {
        List<MediaUse> uses = new ArrayList<>();
        for (MediaUsage usage : usages) {
            uses.addAll(usage.usesOf(List.copyOf(ids)));
        }
        return uses;
    }
}
