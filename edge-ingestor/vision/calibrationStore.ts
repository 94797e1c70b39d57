import fs from 'node:fs';
import path from 'node:path';
import { fitFromScaleSession, type Calibration } from './calibration';

/** Areas of a camera's clear birds kept for calibrating against the next scale session. */
const RECENT_AREAS_PER_CAMERA = 2_000;

/**
 * Each camera's calibration, kept in the farm box's data folder (`vision/calibrations.json`,
 * written whole and renamed into place, so a crash leaves the old file or the new one), and the
 * areas of the birds it saw clearly lately, which a scale session is fitted against.
 */
export class CalibrationStore {
  private readonly calibrations = new Map<string, Calibration>();
  private readonly recentAreas = new Map<string, number[]>();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'vision', 'calibrations.json');
    if (fs.existsSync(this.file)) {
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, Calibration>;
      for (const [cameraId, calibration] of Object.entries(stored)) this.calibrations.set(cameraId, calibration);
    }
  }

  of(cameraId: string): Calibration | undefined {
    return this.calibrations.get(cameraId);
  }

  /** The cameras known here: calibrated before, or seen birds since start. */
  cameras(): string[] {
    return [...new Set([...this.calibrations.keys(), ...this.recentAreas.keys()])].sort();
  }

  /** Remembers the areas of birds a camera saw clearly (the newest RECENT_AREAS_PER_CAMERA). */
  sawBirds(cameraId: string, areasPx: readonly number[]): void {
    const areas = this.recentAreas.get(cameraId) ?? [];
    areas.push(...areasPx);
    if (areas.length > RECENT_AREAS_PER_CAMERA) areas.splice(0, areas.length - RECENT_AREAS_PER_CAMERA);
    this.recentAreas.set(cameraId, areas);
  }

  /**
   * Fits the camera to a scale session of the same flock (CalibrationError when either side is
   * too small) and keeps it, with the cloud's session it came from when it came from one.
   */
  calibrateFromScaleSession(cameraId: string, scaleWeightsKg: readonly number[], now: Date, scaleSession?: Calibration['scaleSession']): Calibration {
    const areas = this.recentAreas.get(cameraId) ?? [];
    const fitted = fitFromScaleSession(
      scaleWeightsKg,
      areas,
      `${scaleSession ? `platform-scale session ${scaleSession.id}` : 'scale session'} of ${scaleWeightsKg.length} weights at ${now.toISOString()} against ${areas.length} birds seen`,
    );
    // A manual fit keeps the mark of the last cloud session applied: the sync must not replace it with that older session.
    const applied = scaleSession ?? this.calibrations.get(cameraId)?.scaleSession;
    const calibration = applied ? { ...fitted, scaleSession: applied } : fitted;
    this.set(cameraId, calibration);
    return calibration;
  }

  set(cameraId: string, calibration: Calibration): void {
    this.calibrations.set(cameraId, calibration);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.calibrations), null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }
}
