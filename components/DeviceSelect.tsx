interface DeviceSelectProps {
  label: string;
  devices: MediaDeviceInfo[];
  current: string;
  onPick: (deviceId: string) => void;
}

/** A labelled list of capture devices (used inside the Studio island). */
export function DeviceSelect({ label, devices, current, onPick }: DeviceSelectProps) {
  return (
    <label>
      {label}
      <select value={current} onChange={(e) => onPick(e.currentTarget.value)}>
        {devices.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label || label}</option>)}
      </select>
    </label>
  );
}
