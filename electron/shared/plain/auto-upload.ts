/** The job id of the automatic sender's progress events (the upload screens show its bar too). */
export const AUTO_UPLOAD_JOB = 'auto-upload';
