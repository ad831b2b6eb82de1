import { useState } from 'react';
import { usePersonPhoto } from '../data/people.js';
import { errorText } from '../forms/error-text.js';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * The person's photo, if any, with a way to choose or remove one. The server reads
 * the type from the bytes and refuses anything but PNG, JPEG, WebP and GIF (2 MB at
 * most); its reason is shown as it comes.
 */
export function PersonPhoto({ personId, name, hasPhoto }: { personId: string; name: string; hasPhoto: boolean }) {
  const src = `/api/people/${encodeURIComponent(personId)}/photo`;
  // Bumped after each change so that the browser asks again instead of showing the old picture.
  const [version, setVersion] = useState(0);
  // Only a person with a photo gets an <img>: no request that can only answer 404.
  const [shown, setShown] = useState(hasPhoto);
  const photo = usePersonPhoto(personId);
  const busy = photo.isPending;

  const send = (file: File | null) =>
    photo.mutate(file, {
      onSuccess: () => {
        setShown(file !== null);
        setVersion((v) => v + 1);
      },
    });

  return (
    <div className="photo">
      {shown ? <img key={version} src={`${src}?v=${version}`} alt={`Photo of ${name}`} width={96} height={96} onError={() => setShown(false)} /> : <p className="sub">No photo yet.</p>}
      <label className="button secondary">
        {shown ? 'Change photo' : 'Add a photo'}
        <input
          type="file"
          accept={ACCEPT}
          disabled={busy}
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) send(file);
          }}
        />
      </label>
      {shown && (
        <button type="button" className="link" disabled={busy} onClick={() => send(null)}>
          Remove photo
        </button>
      )}
      {photo.error && <p role="alert">{errorText(photo.error)}</p>}
    </div>
  );
}
