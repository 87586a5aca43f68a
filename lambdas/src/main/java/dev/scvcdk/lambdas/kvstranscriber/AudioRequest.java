package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.StartSelector;

import java.util.Objects;
import java.util.Set;

/**
 * Which audio to read for a contact.
 *
 * @param streamArn     the contact's Kinesis Video stream ARN ({@code MediaStreams.Customer.Audio.StreamARN})
 * @param startSelector where GetMedia starts
 * @param contactId     the contact whose fragments are wanted: a fragment tagged with another ContactId ends it
 * @param directions    the directions to deliver (at least one)
 */
public record AudioRequest(String streamArn, StartSelector startSelector, String contactId, Set<Direction> directions) {
    public AudioRequest {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(startSelector, "startSelector");
        Objects.requireNonNull(contactId, "contactId");
        directions = Set.copyOf(directions);
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("an audio request needs at least one direction");
        }
    }

    /** The stream name: the ARN's resource between {@code stream/} and the last {@code /} (the creation time). */
    public String streamName() {
        int start = streamArn.indexOf(":stream/") + ":stream/".length();
        int end = streamArn.lastIndexOf('/');
        return streamArn.substring(start, end);
    }
}
