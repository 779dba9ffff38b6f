package org.dialplane.media.api;

/**
 * A media file as other bundles need it: to check that a caller may use it, and to play it.
 *
 * @param id    the recording's id ({@code recordings.id}), what ring groups, queues and IVRs store
 * @param name  its name ({@code recordings.displayname})
 * @param sound the name Asterisk plays it by, relative to the sounds folder and without extension, as IssabelPBX
 *              stores it in {@code recordings.filename}: {@code custom/DEVEL/media-12} (Dialplane's uploads), or
 *              {@code custom/welcome} (made by IssabelPBX). {@code Playback(<sound>)} plays it. Where IssabelPBX
 *              joined several files with {@code &}, the first.
 */
public record MediaFile(String id, String name, String sound) {
}
